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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCacheTest {
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
              100,
              2);
      assertThat(cache.search(SearchRequest.of("dishwasher drain")).total()).isEqualTo(1);
      assertThat(cache.search(SearchRequest.of("dishwasher drain")).total()).isEqualTo(1);
      assertThat(cache.hits()).isEqualTo(1);
      store.put(doc("http://f/2"));
      store.refresh();
      assertThat(cache.search(SearchRequest.of("dishwasher drain")).total())
          .as("fresh after a refresh")
          .isEqualTo(2);
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
              100,
              2);
      List<Callable<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String q = "dishwasher drain " + i; // all different: none is served from the cache
        calls.add(() -> cache.search(SearchRequest.of(q)).total());
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
}
