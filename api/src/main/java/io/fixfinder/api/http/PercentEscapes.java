package io.fixfinder.api.http;

import io.fixfinder.api.problem.ApiException;
import io.javalin.http.Context;

/**
 * Refuses a request path with a bad %-escape (a '%' not followed by two hex digits) before any
 * handler decodes it. Jetty refuses most of them itself; one after a ';' (a path parameter) gets
 * through, and Javalin's decoding of path parameters would fail on it later.
 */
public final class PercentEscapes {
  private PercentEscapes() {}

  public static void check(Context ctx) {
    if (!wellFormed(ctx.req().getRequestURI())) {
      throw ApiException.badRequest("bad-request", "The request URI has a bad %-escape");
    }
  }

  /** Whether every '%' in {@code raw} starts a two-hex-digit escape. */
  static boolean wellFormed(String raw) {
    if (raw == null) return true;
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
