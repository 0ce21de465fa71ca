package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A facet's count is the total the same search shows with that value chosen, in every retrieval
 * mode, with and without a filter already set, and for queries the type scope restricts. The corpus
 * is repair-mini with its records spread over four source kinds, embedded with the real model.
 */
class FacetCountsTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;

  private static final SourceKind[] KINDS = {
    SourceKind.MANUAL, SourceKind.FORUM, SourceKind.VIDEO, SourceKind.REVIEW
  };

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    List<SourceDoc> docs = new ArrayList<>();
    List<SourceDoc> mini = RepairMini.docs();
    for (int i = 0; i < mini.size(); i++) {
      SourceDoc d = mini.get(i);
      docs.add(
          SearcherTest.doc(
              d.url(),
              KINDS[i % KINDS.length],
              d.title(),
              d.text(),
              new io.fixfinder.core.model.Details.None()));
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

  private static final List<String> QUERIES =
      List.of(
          "washing machine full of water",
          "not heating",
          "printer offline",
          "dishwasher leaves dirty water",
          "noise");

  @Test
  void eachCountIsTheTotalOfTheSearchWithThatValueChosen() throws Exception {
    Searcher searcher =
        new Searcher(
            store.searchers(),
            SearcherTest.KEYS,
            Optional.<Embedder>of(model),
            Retrieval.HYBRID,
            Fusion.LEARNED);
    int checked = 0;
    for (Retrieval mode : Retrieval.values()) {
      for (String q : QUERIES) {
        SearchRequest plain =
            new SearchRequest(
                q, Optional.empty(), Optional.empty(), Optional.empty(), 1, 10, Optional.of(mode));
        SearchResponse all = searcher.search(plain);
        checked += checkFacets(searcher, plain, all);
        // With a kind chosen, every facet still counts what choosing its value would give.
        for (String kind : all.facets().get("kind").keySet()) {
          SearchRequest byKind = with(plain, "kind", kind);
          checked += checkFacets(searcher, byKind, searcher.search(byKind));
        }
      }
    }
    assertThat(checked).as("facet values checked").isGreaterThan(100);
  }

  @Test
  void aQueryNamingATypeCountsWithinItsScope() throws Exception {
    Searcher searcher =
        new Searcher(
            store.searchers(),
            SearcherTest.KEYS,
            Optional.<Embedder>of(model),
            Retrieval.HYBRID,
            Fusion.LEARNED);
    SearchRequest r = SearchRequest.of("washing machine full of water");
    SearchResponse res = searcher.search(r);
    assertThat(res.restrictedTo()).contains("washing-machine");
    long sum = res.facets().get("kind").values().stream().mapToLong(Long::longValue).sum();
    assertThat(sum).as("kinds partition the results").isEqualTo(res.total());
    // Only values inside the restriction are offered: no other product type, no brand of one.
    assertThat(res.facets().get("type").keySet()).containsOnly("washing-machine");
    SearchResponse unscoped = searcher.withoutTypeScope().search(r);
    assertThat(unscoped.facets().get("type").keySet())
        .contains("washing-machine")
        .hasSizeGreaterThan(1);
    checkFacets(searcher, r, res);
  }

  private static int checkFacets(Searcher searcher, SearchRequest base, SearchResponse response)
      throws Exception {
    int n = 0;
    for (Map.Entry<String, Map<String, Long>> facet : response.facets().entrySet()) {
      for (Map.Entry<String, Long> value : facet.getValue().entrySet()) {
        SearchRequest chosen = with(base, facet.getKey(), value.getKey());
        long total = searcher.search(chosen).total();
        assertThat(value.getValue())
            .as("%s %s=%s (%s)", base, facet.getKey(), value.getKey(), base.mode())
            .isEqualTo(total);
        n++;
      }
    }
    return n;
  }

  private static SearchRequest with(SearchRequest r, String facet, String value) {
    Optional<String> v = Optional.of(value);
    return new SearchRequest(
        r.query(),
        facet.equals("kind") ? v : r.kind(),
        facet.equals("brand") ? v : r.brand(),
        facet.equals("type") ? v : r.type(),
        1,
        10,
        r.mode());
  }
}
