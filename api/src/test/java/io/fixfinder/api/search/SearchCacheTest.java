package io.fixfinder.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Path;
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
              100);
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
}
