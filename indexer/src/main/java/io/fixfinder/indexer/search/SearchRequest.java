package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import java.util.Objects;
import java.util.Optional;

/**
 * A search: the user's words, optional filters (kind, brand, product type), a page, and optionally
 * the retrieval mode (bm25, dense, hybrid) overriding the searcher's configured one (evaluation
 * compares modes on one index), and the {@link Scope} of the index it may see (a company's API key;
 * part of the request, so a cached answer of one scope is never another's).
 */
public record SearchRequest(
    String query,
    Optional<String> kind,
    Optional<String> brand,
    Optional<String> type,
    int page,
    int size,
    Optional<Retrieval> mode,
    Scope scope) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 50;

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(scope, "scope");
    if (page < 1 || page > MAX_PAGE)
      throw new IllegalArgumentException("page must be 1-" + MAX_PAGE + ", got " + page);
    if (size < 1 || size > MAX_SIZE)
      throw new IllegalArgumentException("size must be 1-" + MAX_SIZE + ", got " + size);
  }

  /** A search over the whole index. */
  public SearchRequest(
      String query,
      Optional<String> kind,
      Optional<String> brand,
      Optional<String> type,
      int page,
      int size,
      Optional<Retrieval> mode) {
    this(query, kind, brand, type, page, size, mode, Scope.ALL);
  }

  /** A search in the searcher's configured retrieval mode. */
  public SearchRequest(
      String query,
      Optional<String> kind,
      Optional<String> brand,
      Optional<String> type,
      int page,
      int size) {
    this(query, kind, brand, type, page, size, Optional.empty());
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Optional.empty(), Optional.empty(), Optional.empty(), 1, 10);
  }

  /** The same search in retrieval mode {@code mode}. */
  public SearchRequest withMode(Retrieval mode) {
    return new SearchRequest(query, kind, brand, type, page, size, Optional.of(mode), scope);
  }

  /** The same search with {@code size} results per page. */
  public SearchRequest withSize(int size) {
    return new SearchRequest(query, kind, brand, type, page, size, mode, scope);
  }

  /** The same search within {@code scope}. */
  public SearchRequest withScope(Scope scope) {
    return new SearchRequest(query, kind, brand, type, page, size, mode, scope);
  }
}
