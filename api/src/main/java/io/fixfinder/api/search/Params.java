package io.fixfinder.api.search;

import io.fixfinder.api.problem.ApiException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Query-parameter parsing with problem errors that name the parameter and the bad value. */
public final class Params {
  private static final int MAX_KEYWORD = 80;

  private Params() {}

  public static void rejectUnknown(Context ctx, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "unknown-parameter",
          "Unknown parameter(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
    }
  }

  public static int intParam(Context ctx, String name, int otherwise, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return otherwise;
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid-parameter",
          "Parameter '" + name + "' must be an integer, got '" + abbreviate(raw) + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(
          "invalid-parameter",
          "Parameter '" + name + "' must be " + min + "-" + max + ", got " + value);
    }
    return value;
  }

  public static Optional<String> keyword(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) return Optional.empty();
    if (raw.length() > MAX_KEYWORD) {
      throw ApiException.badRequest(
          "invalid-parameter",
          "Parameter '" + name + "' is longer than " + MAX_KEYWORD + " characters");
    }
    return Optional.of(raw.strip());
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
