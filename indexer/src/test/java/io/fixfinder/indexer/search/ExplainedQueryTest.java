package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.IndexStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query whose every word its keys explain (a product and a symptom, here in French, German and
 * Dutch, which the English sentence model does not read) is answered by the records those keys
 * select: on the repair-mini index with real embeddings, the default hybrid search leads with the
 * washing machines that will not drain. Before such queries counted as lookups, the French one led
 * with whatever the sentence model made of its words.
 */
class ExplainedQueryTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;

  /** The three washing machines of repair-mini that will not drain. */
  static final List<String> DRAINS =
      List.of("wm-drain-1", "wm-drain-2", "wm-drain-3").stream()
          .map(id -> SourceDoc.idFor("http://mini/" + id))
          .toList();

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    RepairMini.index(dir, Optional.of(model));
    store = IndexStore.open(dir, 16);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    model.close();
  }

  @Test
  void aFaultToldInAnotherLanguageLeadsWithItsRecords() throws Exception {
    Searcher searcher =
        new Searcher(
            store.searchers(),
            SearcherTest.KEYS,
            Optional.<Embedder>of(model),
            Retrieval.HYBRID,
            Fusion.LEARNED);
    for (String query :
        List.of(
            "lave-linge ne vidange pas",
            "Waschmaschine pumpt nicht ab",
            "wasmachine pompt niet af")) {
      List<String> top = searcher.rankIds(SearchRequest.of(query));
      // The first two: the washers that will not drain and say they are washers (the third one
      // never names its product; a dishwasher's standing water may come before it).
      assertThat(DRAINS).as(query).containsAll(top.subList(0, 2));
    }
  }
}
