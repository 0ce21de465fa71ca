package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.ApiServer;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Recent search responses, in process, and the gate searches pass to run. The cache is emptied
 * whenever the searcher manager opens a new view of the index, and after every vote, so a cached
 * answer is never older than what a fresh search would see. It is bounded by bytes, not entries:
 * each response is weighed by what it holds on the heap, estimated from its size as JSON (a page of
 * long snippets weighs more than a page of short ones), so a flood of distinct queries cannot hold
 * more than about {@code maxBytes}. The gate lets {@code concurrency} searches run at once and
 * queues the rest in arrival order: searches are CPU work, and sixteen at once on two cores each
 * ran slower than two at a time (docs/benchmarks.md).
 */
public final class SearchCache {
  /** Heap of a cached entry beside its response: the key, the cache's node, headers. */
  static final int BYTES_PER_ENTRY = 300;

  /**
   * Heap per byte of a response's JSON, in halves: 3000 search pages held 1.44 bytes of heap per
   * byte of their JSON (docs/reliability.md), so a response weighs 1.5 times its JSON length.
   */
  static final int HALF_BYTES_PER_JSON_BYTE = 3;

  private record Sized(SearchResponse response, int bytes) {}

  private final ApiServer.SearchFunction searcher;
  private final Cache<SearchRequest, Sized> cache;
  private final Semaphore gate;
  private final ToIntFunction<SearchResponse> size;

  /**
   * @param maxBytes the most the cached responses may weigh (0: nothing is kept)
   * @param size a response's weight in bytes (its JSON length)
   */
  public SearchCache(
      ApiServer.SearchFunction searcher,
      SearcherManager searchers,
      long maxBytes,
      int concurrency,
      ToIntFunction<SearchResponse> size) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
    if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must be >= 0");
    this.searcher = searcher;
    this.size = size;
    this.gate = new Semaphore(concurrency, true);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((SearchRequest key, Sized value) -> value.bytes())
            // Upkeep on the calling thread: the bound holds when search returns, not later.
            .executor(Runnable::run)
            .recordStats()
            .build();
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
    return cache.get(request, this::run).response();
  }

  private Sized run(SearchRequest request) {
    gate.acquireUninterruptibly();
    SearchResponse response;
    try {
      response = searcher.search(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      gate.release();
    }
    long weight =
        size.applyAsInt(response) * (long) HALF_BYTES_PER_JSON_BYTE / 2
            + BYTES_PER_ENTRY
            + 2L * keyChars(request);
    return new Sized(response, (int) Math.min(Integer.MAX_VALUE, weight));
  }

  private static int keyChars(SearchRequest r) {
    return r.query().length()
        + r.kind().map(String::length).orElse(0)
        + r.brand().map(String::length).orElse(0)
        + r.type().map(String::length).orElse(0);
  }

  /** Forgets every cached response: a vote re-ranks what the same search returns. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  public long hits() {
    return cache.stats().hitCount();
  }

  /** What the cached responses weigh now, in bytes (for /metrics and the flood test). */
  public long weightedBytes() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }
}
