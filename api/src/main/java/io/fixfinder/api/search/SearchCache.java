package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.ApiServer;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Recent search responses, in process, and the gate searches pass to run. The cache is emptied
 * whenever the searcher manager opens a new view of the index, and after every vote, so a cached
 * answer is never older than what a fresh search would see. The gate lets {@code concurrency}
 * searches run at once and queues the rest in arrival order: searches are CPU work, and sixteen at
 * once on two cores each ran slower than two at a time (docs/benchmarks.md).
 */
public final class SearchCache {
  private final ApiServer.SearchFunction searcher;
  private final Cache<SearchRequest, SearchResponse> cache;
  private final Semaphore gate;

  public SearchCache(
      ApiServer.SearchFunction searcher,
      SearcherManager searchers,
      long maxEntries,
      int concurrency) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
    this.searcher = searcher;
    this.gate = new Semaphore(concurrency, true);
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
          gate.acquireUninterruptibly();
          try {
            return searcher.search(r);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            gate.release();
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
