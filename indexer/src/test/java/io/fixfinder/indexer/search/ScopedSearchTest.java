package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.suggest.Suggester;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Scope} lies beneath every filter, in every retrieval mode: a scoped search returns,
 * counts and facets only records in scope (dense neighbours included), a caller's brand filter
 * narrows it and never widens it, a product scope admits that model alone, and a scoped suggester
 * knows only the scope's brands and models. Embedded with the real model.
 */
class ScopedSearchTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;

  static final Scope AQUALINE = Scope.of(Set.of("Aqualine"), List.of());
  static final Scope WAK_2840 =
      Scope.of(Set.of(), List.of(new Scope.Product("kesseler", "WAK2840", "kesseler-wak2840")));

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    List<SourceDoc> docs = new ArrayList<>();
    String[][] texts = {
      {"Aqualine WM-8420X won't drain E18", "Cleaned the drain pump filter and it drains again."},
      {"Aqualine WM-6210 water left in the drum", "The drain hose was kinked behind the machine."},
      {"Aqualine DW-4500S dishwasher not draining", "Filter at the bottom was full of grease."},
      {"Kesseler WAK-2840 washing machine won't drain F21", "Drain fault F21: a sock in the pump."},
      {"Kesseler WAK-2840 drum full of water", "Replaced the drain pump, washing machine drains."},
      {"Kesseler SMV-46KX dishwasher E24", "Drain hose blocked, cleared it with a wire."},
      {
        "Washing machine won't drain",
        "Any washing machine that won't drain: check the pump filter."
      },
      {"Brewster BR-990 coffee machine leaking", "Descaled it and replaced the gasket."}
    };
    for (int i = 0; i < texts.length; i++) {
      docs.add(
          SearcherTest.doc(
              "http://scope.test/" + i,
              i % 2 == 0 ? SourceKind.FORUM : SourceKind.MANUAL,
              texts[i][0],
              texts[i][1],
              new Details.None()));
    }
    Indexer.rebuild(
        dir, 16, Optional.of(model), docs, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    model.close();
  }

  static SearchRequest request(String q, Optional<String> brand, Retrieval mode, Scope scope) {
    return new SearchRequest(
        q, Optional.empty(), brand, Optional.empty(), 1, 20, Optional.of(mode), scope);
  }

  @Test
  void aScopedSearchSeesCountsAndFacetsOnlyItsRecordsInEveryMode() throws Exception {
    Searcher searcher =
        new Searcher(
            store.searchers(),
            SearcherTest.KEYS,
            Optional.<Embedder>of(model),
            Retrieval.HYBRID,
            Fusion.LEARNED);
    for (Retrieval mode : Retrieval.values()) {
      for (String q :
          List.of("washing machine won't drain", "drain pump", "Kesseler F21", "leak")) {
        SearchResponse all = searcher.search(request(q, Optional.empty(), mode, Scope.ALL));
        SearchResponse scoped = searcher.search(request(q, Optional.empty(), mode, AQUALINE));
        String what = mode + " " + q;
        assertThat(scoped.hits()).as(what).allMatch(h -> h.product().brand().equals("Aqualine"));
        assertThat(scoped.total()).as(what).isLessThanOrEqualTo(all.total());
        assertThat(scoped.total()).as(what).isEqualTo(scoped.hits().size());
        Map<String, Long> brands = scoped.facets().get("brand");
        assertThat(brands.keySet()).as(what).isSubsetOf("Aqualine");
        if (scoped.total() > 0) assertThat(brands.get("Aqualine")).isEqualTo(scoped.total());
        assertThat(scoped.facets().get("type").values().stream().mapToLong(Long::longValue).sum())
            .as(what + ": every type count is of Aqualine's records")
            .isLessThanOrEqualTo(3);
        // a brand filter narrows within the scope: the competitor finds nothing
        SearchResponse widened =
            searcher.search(request(q, Optional.of("Kesseler"), mode, AQUALINE));
        assertThat(widened.total()).as(what).isZero();
        assertThat(widened.hits()).isEmpty();
        SearchResponse product = searcher.search(request(q, Optional.empty(), mode, WAK_2840));
        assertThat(product.hits()).as(what).allMatch(h -> h.product().model().equals("WAK-2840"));
      }
    }
    // the drain query finds Aqualine's two washing-machine records in scope, and more without
    SearchResponse drain =
        searcher.search(
            request("washing machine won't drain", Optional.empty(), Retrieval.HYBRID, AQUALINE));
    assertThat(drain.hits()).extracting(h -> h.product().model()).contains("WM-8420X", "WM-6210");
  }

  @Test
  void aScopedSuggesterKnowsOnlyTheScopesBrandsAndModels() throws Exception {
    var searcher = store.searchers().acquire();
    try {
      Suggester all = Suggester.fromIndex(Lexicon.builtIn(), searcher.getIndexReader());
      Suggester aqualine = Suggester.fromIndex(Lexicon.builtIn(), searcher, AQUALINE);
      Suggester wak = Suggester.fromIndex(Lexicon.builtIn(), searcher, WAK_2840);
      assertThat(all.suggest("kes", 10).completions()).isNotEmpty();
      assertThat(aqualine.suggest("kes", 10).completions()).isEmpty();
      assertThat(aqualine.suggest("bre", 10).completions()).isEmpty();
      assertThat(aqualine.suggest("aqua", 10).completions())
          .extracting(Suggester.Suggestion::text)
          .contains("Aqualine", "Aqualine WM-8420X");
      assertThat(wak.suggest("kesseler", 20).completions())
          .extracting(Suggester.Suggestion::text)
          .contains("Kesseler WAK-2840")
          .doesNotContain("Kesseler SMV-46KX", "Kesseler CM-320");
      // weights count only records in scope: Aqualine has 2 washing-machine records of 4
      assertThat(aqualine.suggest("washing", 5).completions())
          .filteredOn(s -> s.kind().equals("product"))
          .allMatch(s -> s.weight() == 2);
      // a type the scope has no record of is not suggested
      assertThat(aqualine.suggest("coffee", 5).completions())
          .noneMatch(s -> s.kind().equals("product"));
    } finally {
      store.searchers().release(searcher);
    }
  }
}
