package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dense and hybrid retrieval over a small index embedded with the real model. */
class HybridSearcherTest {
  @TempDir static Path dir;
  static MiniLmEmbedder model;
  static IndexStore store;

  @BeforeAll
  static void index() throws Exception {
    model = new MiniLmEmbedder(2);
    List<SourceDoc> docs =
        List.of(
            SearcherTest.doc(
                "http://m/wm8420x#1",
                SourceKind.MANUAL,
                "Aqualine WM-8420X manual — E18 Water does not drain",
                "E18 Water does not drain. Cause: drain pump filter blocked. What to do: clean the"
                    + " pump filter.",
                new Details.ManualSection(
                    "http://m/wm8420x.pdf", "WM-8420X manual", 14, "E18", "filter", "clean")),
            SearcherTest.doc(
                "http://f/1",
                SourceKind.FORUM,
                "aqualine washer not draining, E-18",
                "My wm 8420x is full of water. Accepted: cleaned the pump filter, there was a sock"
                    + " in it. that fixed it!",
                new Details.Thread("q", 2, 3, "cleaned the pump filter", 25, 25)),
            SearcherTest.doc(
                "http://v/1",
                SourceKind.VIDEO,
                "WM8420X E18 fix: drain pump filter",
                "0:00 intro 0:45 kickplate",
                new Details.Video("abc", "Fix It Dad", 500, 12000, 300, List.of())),
            SearcherTest.doc(
                "http://r/1",
                SourceKind.REVIEW,
                "Review of Aqualine WM-8420X",
                "Started showing e18 after 3 months and won't empty. #broken",
                new Details.Review(2, 5, "kim", "Aqualine WM-8420X")),
            SearcherTest.doc(
                "http://f/2",
                SourceKind.FORUM,
                "Kesseler SMV-46KX dishwasher E24",
                "Dishwasher won't drain, E24 shows. Drain hose kinked.",
                new Details.Thread("q", 0, 1, "", 0, 1)),
            SearcherTest.doc(
                "http://f/3",
                SourceKind.FORUM,
                "Voltaro VX-1550 laptop not charging",
                "Battery not charging, LED blinks amber, Err 07",
                new Details.Thread("q", 0, 1, "", 0, 1)),
            SearcherTest.doc(
                "http://f/4",
                SourceKind.FORUM,
                "Notebook battery stays at zero percent",
                "Power adapter plugged in but the computer shows 0% and will not fill up.",
                new Details.Thread("q", 0, 1, "", 0, 1)));
    Indexer.rebuild(
        dir, 16, Optional.of(model), docs, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    model.close();
  }

  static Searcher searcher(Retrieval mode, Fusion fusion) {
    return new Searcher(
        store.searchers(), SearcherTest.KEYS, Optional.<Embedder>of(model), mode, fusion);
  }

  static List<String> urls(Searcher s, SearchRequest r) throws Exception {
    return s.search(r).hits().stream().map(SearchResponse.Hit::url).toList();
  }

  @Test
  void hybridKeepsTheManualRemedyAndAcceptedThreadOnTopForAModelFault() throws Exception {
    for (Fusion fusion : Fusion.values()) {
      List<String> top =
          urls(searcher(Retrieval.HYBRID, fusion), SearchRequest.of("wont drain WM-8420X"));
      assertThat(top.subList(0, 3)).as(fusion.id()).contains("http://m/wm8420x#1", "http://f/1");
    }
  }

  @Test
  void denseFindsAParaphraseWithNoSharedKeyword() throws Exception {
    Searcher dense = searcher(Retrieval.DENSE, Fusion.RRF);
    // "laptop" and "charge" appear in f/3 and f/4 only in other words
    List<String> top = urls(dense, SearchRequest.of("portable computer power problem, cell empty"));
    assertThat(top.subList(0, 2)).containsExactlyInAnyOrder("http://f/3", "http://f/4");
  }

  @Test
  void filtersApplyInsideTheNearestNeighbourSearch() throws Exception {
    SearchRequest onlyVideos =
        new SearchRequest(
            "washing machine will not pump out",
            Optional.of("video"),
            Optional.empty(),
            Optional.empty(),
            1,
            10);
    for (Retrieval mode : Retrieval.values()) {
      SearchResponse r = searcher(Retrieval.HYBRID, Fusion.RRF).search(onlyVideos.withMode(mode));
      assertThat(r.hits()).as(mode.id()).isNotEmpty().allMatch(h -> h.kind().equals("video"));
    }
  }

  @Test
  void theRequestModeOverridesTheDefaultAndPagesAreConsistent() throws Exception {
    Searcher s = searcher(Retrieval.BM25, Fusion.LINEAR);
    SearchRequest q =
        new SearchRequest("drain pump", Optional.empty(), Optional.empty(), Optional.empty(), 1, 4);
    List<String> page1 = s.rankIds(q.withMode(Retrieval.HYBRID));
    List<String> page2 =
        s.rankIds(
            new SearchRequest(
                "drain pump",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                2,
                3,
                Optional.of(Retrieval.HYBRID)));
    List<String> all = s.rankIds(q.withSize(7).withMode(Retrieval.HYBRID));
    assertThat(page1).isEqualTo(all.subList(0, 4));
    assertThat(page2).isEqualTo(all.subList(3, Math.min(6, all.size())));
    // dense returns every record (7) ranked by meaning; bm25 only those sharing words
    assertThat(s.rankIds(q.withSize(10).withMode(Retrieval.DENSE))).hasSize(7);
    assertThat(s.rankIds(q.withSize(10).withMode(Retrieval.BM25))).hasSizeLessThan(7);
  }

  @Test
  void queryEmbeddingsAreCachedByNormalisedText() throws Exception {
    Searcher s = searcher(Retrieval.DENSE, Fusion.RRF);
    s.search(SearchRequest.of("Washer  full of WATER"));
    s.search(SearchRequest.of("washer full of water "));
    assertThat(s.cachedQueryVectors()).isEqualTo(1);
  }

  @Test
  void queriesWithoutLettersOrDigitsAreAnsweredWithoutAnEmbedding() throws Exception {
    // invisible or control characters only: nothing to embed, and no words to match
    for (String q : List.of("\u00A0", "\u200B", "\u007F", "\u200B\u00A0 \u2060", "(((")) {
      for (Retrieval mode : Retrieval.values()) {
        SearchResponse r = searcher(mode, Fusion.LINEAR).search(SearchRequest.of(q));
        assertThat(r.total()).as("%s %s", mode.id(), q.codePoints().boxed().toList()).isZero();
        assertThat(r.hits()).isEmpty();
      }
    }
  }

  @Test
  void anIndexWithoutVectorsFallsBackToBm25() throws Exception {
    Path plain = dir.resolveSibling(dir.getFileName() + "-plain");
    Indexer.rebuild(
        plain,
        16,
        List.of(
            SearcherTest.doc(
                "http://f/9",
                SourceKind.FORUM,
                "washer not draining",
                "full of water",
                new Details.None())),
        new PrintStream(OutputStream.nullOutputStream()));
    try (IndexStore bare = IndexStore.open(plain, 16)) {
      Searcher s =
          new Searcher(
              bare.searchers(), SearcherTest.KEYS, Optional.of(model), Retrieval.DENSE, Fusion.RRF);
      assertThat(s.rankIds(SearchRequest.of("washer draining"))).hasSize(1);
      assertThat(s.rankIds(SearchRequest.of("unrelated words"))).isEmpty();
    }
  }
}
