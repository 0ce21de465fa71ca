package io.fixfinder.api.http;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every response carries, whichever layer writes it (a handler, Javalin's error
 * mapping, or Jetty's error handler for requests refused before they reach Javalin): no content
 * sniffing, no referrer, no framing, and a script policy of this origin only.
 */
public final class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /** Name to value, in the order they are sent. */
  public static final Map<String, String> ALL = ordered();

  private SecurityHeaders() {}

  private static Map<String, String> ordered() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("X-Content-Type-Options", "nosniff");
    all.put("Referrer-Policy", "no-referrer");
    all.put("X-Frame-Options", "DENY");
    all.put("Content-Security-Policy", CSP);
    return Collections.unmodifiableMap(all);
  }

  public static void apply(BiConsumer<String, String> header) {
    ALL.forEach(header);
  }

  /** A Javalin after-handler. */
  public static void apply(Context ctx) {
    ALL.forEach(ctx::header);
  }
}
