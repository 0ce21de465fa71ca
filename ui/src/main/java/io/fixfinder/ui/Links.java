package io.fixfinder.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The URLs of our own pages, built in one place so filters and paging always round-trip. */
public final class Links {
  private Links() {}

  public static String issue(String id) {
    return "/issue/" + encode(id);
  }

  public static String product(String id) {
    return "/product/" + encode(id);
  }

  /** One product type's leaderboard. */
  public static String leaderboard(String type) {
    return "/leaderboards/" + encode(type);
  }

  /** A search for {@code query} with the given filters, at {@code page} (1 is left out). */
  public static String search(String query, SearchPage.Filters filters, int page) {
    List<String> params = new ArrayList<>();
    params.add("q=" + encode(query));
    add(params, "kind", filters.kind());
    add(params, "type", filters.type());
    add(params, "brand", filters.brand());
    if (page > 1) params.add("page=" + page);
    return "/?" + String.join("&", params);
  }

  /**
   * A helper's public profile, carrying what the visitor was looking at (the query, the issue) on
   * to the contact form, so that a request says what it is about without retyping.
   *
   * @param query the search, or ""
   * @param issueId the issue ({@code iss-...}), or ""
   */
  public static String helper(String id, String query, String issueId) {
    return "/helper/" + encode(id) + about(query, issueId);
  }

  /** The contact form for a helper, with the same query and issue as {@link #helper}. */
  public static String contact(String id, String query, String issueId) {
    return "/helper/" + encode(id) + "/contact" + about(query, issueId);
  }

  private static String about(String query, String issueId) {
    List<String> params = new ArrayList<>();
    if (!query.isBlank()) params.add("q=" + encode(query.strip()));
    if (!issueId.isBlank()) params.add("issue=" + encode(issueId.strip()));
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }

  /** The id of the "did this fix it?" form of a feedback item, the anchor a vote returns to. */
  public static String voteAnchor(String item) {
    return "vote-" + item.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  /** The id of the {@code index}th fix (0: the best) on an issue page: {@code fix-1}, ... */
  public static String fixAnchor(int index) {
    return "fix-" + (index + 1);
  }

  /** The {@code index}th fix on an issue's page. */
  public static String fix(String issueId, int index) {
    return issue(issueId) + "#" + fixAnchor(index);
  }

  /** A search for {@code query} exactly as spelled: no correction is applied. */
  public static String exact(String query, SearchPage.Filters filters) {
    return search(query, filters, 1) + "&exact=1";
  }

  private static void add(List<String> params, String name, Optional<String> value) {
    value.ifPresent(v -> params.add(name + "=" + encode(v)));
  }

  /** {@code s} as one URL query value or path segment. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
