package io.fixfinder.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCacheTest {
  static final long MB = 1024 * 1024;
  static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      io.fixfinder.core.json.Json.mapper()
          .copy()
          .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
  static final JsonBytes JSON = new JsonBytes(MAPPER);

  /** The {@code total} of a response as the cache hands it out: JSON bytes. */
  static long total(byte[] json) throws java.io.IOException {
    return MAPPER.readTree(json).get("total").asLong();
  }

  @TempDir Path dir;

  static SourceDoc doc(String url) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "f",
        "Dishwasher won't drain",
        "E24 on the display, drain hose kinked",
        null,
        null,
        null,
        false,
        null,
        null);
  }

  @Test
  void repeatsAreServedFromCacheUntilTheIndexChanges() throws Exception {
    try (IndexStore store = IndexStore.open(dir, 16)) {
      store.put(doc("http://f/1"));
      store.commit();
      SearchCache cache =
          new SearchCache(
              new Searcher(store.searchers(), KeyExtractor.builtIn())::search,
              store.searchers(),
              MB,
              2,
              JSON);
      assertThat(total(cache.search(SearchRequest.of("dishwasher drain")))).isEqualTo(1);
      assertThat(total(cache.search(SearchRequest.of("dishwasher drain")))).isEqualTo(1);
      assertThat(cache.hits()).isEqualTo(1);
      store.put(doc("http://f/2"));
      store.refresh();
      assertThat(total(cache.search(SearchRequest.of("dishwasher drain"))))
          .as("fresh after a refresh")
          .isEqualTo(2);
    }
  }

  @Test
  void aSearchThatOutlivesAnInvalidationIsNotKept() throws Exception {
    // A vote lands while the search is still on its way: the index moves and votes re-rank.
    aSearchThatOutlivesAChangeIsNotKept(true);
  }

  @Test
  void aSearchThatOutlivesARefreshIsNotKept() throws Exception {
    aSearchThatOutlivesAChangeIsNotKept(false);
  }

  /** A search answered from the view before a change, finishing after it, is not cached. */
  private void aSearchThatOutlivesAChangeIsNotKept(boolean invalidate) throws Exception {
    try (IndexStore store = IndexStore.open(dir, 16)) {
      store.put(doc("http://f/1"));
      store.commit();
      Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch searched = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      SearchCache cache =
          new SearchCache(
              request -> {
                // The answer comes from the view the search took before the change.
                var response = searcher.search(request);
                if (runs.incrementAndGet() == 1) {
                  searched.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                  }
                }
                return response;
              },
              store.searchers(),
              MB,
              2,
              JSON);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<byte[]> slow = pool.submit(() -> cache.search(SearchRequest.of("dishwasher drain")));
        searched.await();
        store.put(doc("http://f/2"));
        store.refresh();
        if (invalidate) cache.invalidateAll();
        release.countDown();
        assertThat(total(slow.get())).as("the slow search answered from its view").isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(total(cache.search(SearchRequest.of("dishwasher drain"))))
          .as("the next search runs again instead of reading the stale answer")
          .isEqualTo(2);
      assertThat(runs.get()).isEqualTo(2);
    }
  }

  @Test
  void noMoreSearchesRunAtOnceThanTheGateAllows() throws Exception {
    try (IndexStore store = IndexStore.open(dir, 16)) {
      store.put(doc("http://f/1"));
      store.commit();
      Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      SearchCache cache =
          new SearchCache(
              request -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                  Thread.sleep(20); // long enough for the other callers to arrive meanwhile
                  return searcher.search(request);
                } catch (InterruptedException e) {
                  throw new java.io.InterruptedIOException();
                } finally {
                  running.decrementAndGet();
                }
              },
              store.searchers(),
              MB,
              2,
              JSON);
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String q = "dishwasher drain " + i; // all different: none is served from the cache
        calls.add(() -> total(cache.search(SearchRequest.of(q))));
      }
      ExecutorService pool = Executors.newFixedThreadPool(12);
      try {
        for (Future<Long> f : pool.invokeAll(calls)) assertThat(f.get()).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(most.get()).as("searches at once").isEqualTo(2);
    }
  }

  @Test
  void theCacheHoldsNoMoreBytesThanItsBound() throws Exception {
    try (IndexStore store = IndexStore.open(dir, 16)) {
      for (int i = 0; i < 20; i++) store.put(doc("http://f/" + i));
      store.commit();
      Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
      long bound = 32 * 1024;
      SearchCache cache = new SearchCache(searcher::search, store.searchers(), bound, 2, JSON);
      int one = JSON.apply(searcher.search(SearchRequest.of("dishwasher drain 0"))).length;
      assertThat(one).as("one response's JSON").isGreaterThan(1000);
      for (int i = 0; i < 500; i++) cache.search(SearchRequest.of("dishwasher drain " + i));
      assertThat(cache.weightedBytes()).isPositive().isLessThanOrEqualTo(bound);

      SearchCache off = new SearchCache(searcher::search, store.searchers(), 0, 2, JSON);
      off.search(SearchRequest.of("dishwasher drain"));
      off.search(SearchRequest.of("dishwasher drain"));
      assertThat(off.hits()).as("a cache of 0 bytes keeps nothing").isZero();
      assertThat(off.weightedBytes()).isZero();
    }
  }
}
