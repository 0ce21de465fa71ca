package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.ApiServer;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Recent search responses, in process. Emptied whenever the searcher manager opens a new view of
 * the index, and after every vote, so a cached answer is never older than what a fresh search would
 * see.
 */
public final class SearchCache {
  private final ApiServer.SearchFunction searcher;
  private final Cache<SearchRequest, SearchResponse> cache;

  public SearchCache(
      ApiServer.SearchFunction searcher, SearcherManager searchers, long maxEntries) {
    this.searcher = searcher;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    searchers.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            if (didRefresh) cache.invalidateAll();
          }
        });
  }

  public SearchResponse search(SearchRequest request) {
    return cache.get(
        request,
        r -> {
          try {
            return searcher.search(r);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Forgets every cached response: a vote re-ranks what the same search returns. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  public long hits() {
    return cache.stats().hitCount();
  }
}
