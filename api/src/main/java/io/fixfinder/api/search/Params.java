package io.fixfinder.api.search;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.indexer.search.QueryText;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Query-parameter parsing with problem errors that name the parameter and the bad value. */
public final class Params {
  private static final int MAX_KEYWORD = 80;

  private Params() {}

  /**
   * Refuses parameters outside {@code allowed} and any parameter given twice ({@code ?q=a&q=b}):
   * reading only the first would answer a question the client did not ask.
   */
  public static void rejectUnknown(Context ctx, Set<String> allowed) {
    Map<String, List<String>> params = ctx.queryParamMap();
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "unknown-parameter",
          "Unknown parameter(s) "
              + abbreviate(unknown.toString())
              + "; allowed: "
              + new TreeSet<>(allowed));
    }
    for (Map.Entry<String, List<String>> param : new java.util.TreeMap<>(params).entrySet()) {
      if (param.getValue().size() > 1) {
        throw ApiException.badRequest(
            "duplicate-parameter",
            "Parameter '"
                + param.getKey()
                + "' is given "
                + param.getValue().size()
                + " times; give it once");
      }
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

  /** Whether {@code text} has anything to search for: the searcher's own test. */
  public static boolean searchable(String text) {
    return QueryText.hasText(text);
  }

  static String abbreviate(String s) {
    String flat = s.replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
  }
}
