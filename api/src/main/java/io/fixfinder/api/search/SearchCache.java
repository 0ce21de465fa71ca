package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.ApiServer;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Recent search responses, in process, and the gate searches pass to run. The cache is emptied
 * whenever the searcher manager opens a new view of the index, after every vote, and when the
 * process learns of another process's votes, published issue clusters or a new generation on the
 * cluster (the store's change feed, issue 17), so a cached answer is never older than what a fresh
 * search would see, by more than one poll for what other processes changed. A response is kept as
 * the JSON the API sends, encoded once: a hit is written without serialising again, and the cache
 * is bounded by those bytes (a page of long snippets weighs more than a page of short ones), so a
 * flood of distinct queries cannot hold more than about {@code maxBytes}. The gate lets {@code
 * concurrency} searches run at once and queues the rest in arrival order: searches are CPU work,
 * and sixteen at once on two cores each ran slower than two at a time (docs/benchmarks.md).
 *
 * <p>A search runs outside the cache (a search or a wait at the gate inside Caffeine's compute
 * would block other keys of its hash bin), and its answer is kept only if no refresh or vote came
 * between its start and its end: the {@link #epoch} moves on each, so an answer from the view
 * before is never stored after the invalidation that should have removed it.
 */
public final class SearchCache {
  /** Heap of a cached entry beside its JSON: the key, the cache's node, the array's header. */
  static final int BYTES_PER_ENTRY = 300;

  private record Encoded(byte[] json, int weight, Outcome outcome, boolean keep) {}

  /**
   * What a search found, beside its JSON: whether it had a good answer and the issue groups it
   * showed (what the company dashboard counts).
   */
  public record Outcome(boolean answered, List<String> issueIds) {
    public Outcome {
      issueIds = List.copyOf(issueIds);
    }
  }

  /** A search's JSON and its outcome. */
  public record Answer(byte[] json, Outcome outcome) {}

  private final ApiServer.SearchFunction searcher;
  private final Cache<SearchRequest, Encoded> cache;
  private final Semaphore gate;
  private final Function<SearchResponse, byte[]> encoder;
  private final AtomicLong epoch = new AtomicLong();
  private final List<Runnable> onInvalidate = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile java.util.function.BiPredicate<SearchRequest, SearchResponse> keepable =
      (request, response) -> true;

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
            if (didRefresh) invalidateAll();
          }
        });
  }

  /** The response to {@code request} as the API's JSON, from the cache or searched now. */
  public byte[] search(SearchRequest request) {
    return answer(request).json();
  }

  /** As {@link #search}, with what the search found. */
  public Answer answer(SearchRequest request) {
    Encoded cached = cache.getIfPresent(request);
    if (cached != null) return new Answer(cached.json(), cached.outcome());
    long started = epoch.get();
    Encoded fresh = run(request);
    if (fresh.keep() && epoch.get() == started) {
      cache.put(request, fresh);
      // An invalidation between the check and the put: take the answer out again.
      if (epoch.get() != started) cache.asMap().remove(request, fresh);
    }
    return new Answer(fresh.json(), fresh.outcome());
  }

  /**
   * The response itself, searched now under the same concurrency gate (the pages render it; only
   * the API's JSON is cached).
   */
  public SearchResponse response(SearchRequest request) {
    gate.acquireUninterruptibly();
    try {
      return searcher.search(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      gate.release();
    }
  }

  private Encoded run(SearchRequest request) {
    SearchResponse response = response(request);
    byte[] json = encoder.apply(response);
    Outcome outcome =
        new Outcome(
            response.answered(), response.issues().stream().map(g -> g.issue().id()).toList());
    long weight =
        json.length + BYTES_PER_ENTRY + 2L * keyChars(request) + 80L * outcome.issueIds().size();
    return new Encoded(
        json, (int) Math.min(Integer.MAX_VALUE, weight), outcome, keepable.test(request, response));
  }

  private static int keyChars(SearchRequest r) {
    return r.query().length()
        + r.kind().map(String::length).orElse(0)
        + r.brand().map(String::length).orElse(0)
        + r.type().map(String::length).orElse(0)
        + r.scope().chars();
  }

  /** Forgets every cached response: a vote re-ranks what the same search returns. */
  public void invalidateAll() {
    // What responses are built from first, then the epoch: a search that checks the epoch after
    // this finds it moved and keeps nothing, and one that starts after reads fresh parts.
    for (Runnable r : onInvalidate) r.run();
    epoch.incrementAndGet();
    cache.invalidateAll();
  }

  /**
   * Keeps only answers that {@code complete} finds whole: one still waiting for a part built in the
   * background (a large issue's top fix) is sent but not kept, so the next search sees the part.
   */
  public void keepOnly(java.util.function.BiPredicate<SearchRequest, SearchResponse> complete) {
    this.keepable = complete;
  }

  /**
   * Runs {@code dropped} on every {@link #invalidateAll}: for caches of parts of a response (an
   * issue's top fix) that must not outlive the responses built from them.
   */
  public void onInvalidate(Runnable dropped) {
    onInvalidate.add(dropped);
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
