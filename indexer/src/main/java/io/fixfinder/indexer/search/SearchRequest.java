package io.fixfinder.indexer.search;

import java.util.Objects;
import java.util.Optional;

/** A search: the user's words, optional filters (kind, brand, product type) and a page. */
public record SearchRequest(
    String query,
    Optional<String> kind,
    Optional<String> brand,
    Optional<String> type,
    int page,
    int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 50;

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (page < 1 || page > MAX_PAGE)
      throw new IllegalArgumentException("page must be 1-" + MAX_PAGE + ", got " + page);
    if (size < 1 || size > MAX_SIZE)
      throw new IllegalArgumentException("size must be 1-" + MAX_SIZE + ", got " + size);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), 1, 10);
  }
}
