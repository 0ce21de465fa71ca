package io.fixfinder.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL as the operator wrote it, with its credentials kept apart. The PostgreSQL driver does
 * not understand {@code jdbc:postgresql://user:pass@host/db}: it takes {@code user:pass@host} for
 * the host name and echoes it, password included, in its error. So the user information is taken
 * out here and handed to the pool as user and password, and {@link #redact} removes credentials
 * from any text before it is printed.
 *
 * @param url the URL without user information (what the driver gets)
 * @param user from the user information, percent-decoded
 * @param password from the user information, percent-decoded
 */
record JdbcUrl(String url, Optional<String> user, Optional<String> password) {
  /** {@code //user[:password]@} right after the scheme, up to the first {@code /} or {@code ?}. */
  private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z]+:)//([^/?#]*)@");

  /** Credentials as a parameter or as user information ({@code name:secret@}), in any text. */
  private static final Pattern SECRETS =
      Pattern.compile("(?i)\\b((?:ssl)?password=)[^&;\\s]*|([^\\s/:@]+:)[^\\s/@]+@");

  static JdbcUrl parse(String url) {
    Matcher m = USER_INFO.matcher(url);
    if (!m.find()) return new JdbcUrl(url, Optional.empty(), Optional.empty());
    String info = m.group(2);
    int colon = info.indexOf(':');
    String user = colon < 0 ? info : info.substring(0, colon);
    Optional<String> password =
        colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
    return new JdbcUrl(
        m.group(1) + "//" + url.substring(m.end()), Optional.of(decode(user)), password);
  }

  /**
   * {@code text} with every credential blanked: a URL's {@code user:password@}, a {@code password=}
   * or {@code sslpassword=} parameter, and the literal password of this URL wherever it appears (a
   * driver may quote it in any form).
   */
  String redact(String text) {
    if (text == null) return null;
    String out = redactPatterns(text);
    if (password.isPresent() && password.get().length() >= 3) {
      out = out.replace(password.get(), "***");
    }
    return out;
  }

  /**
   * A copy of {@code e}'s chain with every message redacted and the stack traces kept: the cause a
   * {@link StoreException} carries, so that logging it with its trace cannot leak either.
   */
  RuntimeException redact(Throwable e) {
    return copy(e, 0);
  }

  private RuntimeException copy(Throwable e, int depth) {
    Throwable cause = e.getCause();
    RuntimeException c =
        new RuntimeException(
            e.getClass().getName() + ": " + redact(String.valueOf(e.getMessage())),
            cause == null || cause == e || depth > 20 ? null : copy(cause, depth + 1));
    c.setStackTrace(e.getStackTrace());
    return c;
  }

  /** {@code text} with the credentials that any URL can carry blanked. */
  static String redactPatterns(String text) {
    if (text == null) return null;
    Matcher m = SECRETS.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement = m.group(1) != null ? m.group(1) + "***" : m.group(2) + "***@";
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
