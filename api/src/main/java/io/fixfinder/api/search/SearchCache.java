package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.ApiServer;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Recent search responses, in process, and the gate searches pass to run. The cache is emptied
 * whenever the searcher manager opens a new view of the index, and after every vote, so a cached
 * answer is never older than what a fresh search would see. A response is kept as the JSON the API
 * sends, encoded once: a hit is written without serialising again, and the cache is bounded by
 * those bytes (a page of long snippets weighs more than a page of short ones), so a flood of
 * distinct queries cannot hold more than about {@code maxBytes}. The gate lets {@code concurrency}
 * searches run at once and queues the rest in arrival order: searches are CPU work, and sixteen at
 * once on two cores each ran slower than two at a time (docs/benchmarks.md).
 */
public final class SearchCache {
  /** Heap of a cached entry beside its JSON: the key, the cache's node, the array's header. */
  static final int BYTES_PER_ENTRY = 300;

  private record Encoded(byte[] json, int weight) {}

  private final ApiServer.SearchFunction searcher;
  private final Cache<SearchRequest, Encoded> cache;
  private final Semaphore gate;
  private final Function<SearchResponse, byte[]> encoder;

  /**
   * @param maxBytes the most the cached responses may weigh (0: nothing is kept)
   * @param encoder a response as the bytes the API sends
   */
  public SearchCache(
      ApiServer.SearchFunction searcher,
      SearcherManager searchers,
      long maxBytes,
      int concurrency,
      Function<SearchResponse, byte[]> encoder) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1");
    if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must be >= 0");
    this.searcher = searcher;
    this.encoder = encoder;
    this.gate = new Semaphore(concurrency, true);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((SearchRequest key, Encoded value) -> value.weight())
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

  /** The response to {@code request} as the API's JSON, from the cache or searched now. */
  public byte[] search(SearchRequest request) {
    return cache.get(request, this::run).json();
  }

  private Encoded run(SearchRequest request) {
    gate.acquireUninterruptibly();
    SearchResponse response;
    try {
      response = searcher.search(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      gate.release();
    }
    byte[] json = encoder.apply(response);
    long weight = json.length + BYTES_PER_ENTRY + 2L * keyChars(request);
    return new Encoded(json, (int) Math.min(Integer.MAX_VALUE, weight));
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
