package io.fixfinder.api.http;

/**
 * Paths that carry a customer's capability ({@code /contact/{token}}, {@code
 * /api/contact/{token}}): the token is a password, so it never reaches a log line, a metric label
 * or a problem's {@code instance}. Every place that writes a request's path out calls {@link
 * #redact}.
 */
public final class CapabilityPaths {
  /** What stands in for the token. */
  public static final String MASK = "{token}";

  private static final String[] PREFIXES = {"/contact/", "/api/contact/"};

  private CapabilityPaths() {}

  /** {@code path} with the capability segment replaced by {@value #MASK}; other paths unchanged. */
  public static String redact(String path) {
    if (path == null) return null;
    for (String prefix : PREFIXES) {
      if (path.startsWith(prefix)) {
        int end = path.indexOf('/', prefix.length());
        return prefix + MASK + (end < 0 ? "" : path.substring(end));
      }
    }
    return path;
  }
}
