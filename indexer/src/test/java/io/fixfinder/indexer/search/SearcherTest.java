package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over a small on-disk index of records keyed by the real extractor. */
class SearcherTest {
  @TempDir static Path dir;
  static IndexStore store;
  static Searcher searcher;
  static final KeyExtractor KEYS = KeyExtractor.builtIn();

  static SourceDoc doc(String url, SourceKind kind, String title, String text, Details details) {
    Keys k = KEYS.extract(title + "\n" + text);
    boolean fix = k.fix() == Keys.FixSignal.FIXED || details instanceof Details.ManualSection;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        "test",
        title,
        text,
        k.product(),
        k.errorCodes(),
        k.symptoms(),
        fix,
        Instant.parse("2025-01-01T00:00:00Z"),
        details);
  }

  @BeforeAll
  static void index() throws Exception {
    List<SourceDoc> docs =
        List.of(
            doc(
                "http://m/wm8420x#1",
                SourceKind.MANUAL,
                "Aqualine WM-8420X manual — E18 Water does not drain",
                "E18 Water does not drain. Cause: drain pump filter blocked. What to do: clean the pump filter.",
                new Details.ManualSection(
                    "http://m/wm8420x.pdf", "WM-8420X manual", 14, "E18", "filter", "clean")),
            doc(
                "http://f/1",
                SourceKind.FORUM,
                "aqualine washer not draining, E-18",
                "My wm 8420x is full of water. Accepted: cleaned the pump filter, there was a sock in it. that fixed it!",
                new Details.Thread("q", 2, 3, "cleaned the pump filter", 25, 25)),
            doc(
                "http://v/1",
                SourceKind.VIDEO,
                "WM8420X E18 fix: drain pump filter",
                "0:00 intro 0:45 kickplate",
                new Details.Video("abc", "Fix It Dad", 500, 12000, 300, List.of())),
            doc(
                "http://r/1",
                SourceKind.REVIEW,
                "Review of Aqualine WM-8420X",
                "Started showing e18 after 3 months and won't empty. #broken",
                new Details.Review(2, 5, "kim", "Aqualine WM-8420X")),
            doc(
                "http://f/2",
                SourceKind.FORUM,
                "Kesseler SMV-46KX dishwasher E24",
                "Dishwasher won't drain, E24 shows. Drain hose kinked.",
                new Details.Thread("q", 0, 1, "", 0, 1)),
            doc(
                "http://f/3",
                SourceKind.FORUM,
                "Voltaro VX-1550 laptop not charging",
                "Battery not charging, LED blinks amber, Err 07",
                new Details.Thread("q", 0, 1, "", 0, 1)));
    Indexer.rebuild(dir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
    searcher = new Searcher(store.searchers(), KEYS);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  static List<String> urls(String q) throws Exception {
    return searcher.search(SearchRequest.of(q)).hits().stream()
        .map(SearchResponse.Hit::url)
        .toList();
  }

  @Test
  void slangQueryFindsTheDrainFaultAcrossSources() throws Exception {
    SearchResponse r = searcher.search(SearchRequest.of("washing machine wont drain"));
    assertThat(r.hits().stream().map(SearchResponse.Hit::kind).distinct())
        .contains("manual", "forum", "review");
    assertThat(r.interpretation().symptoms()).containsExactly("wont-drain");
    assertThat(r.interpretation().product().type()).isEqualTo("washing-machine");
  }

  @Test
  void onWordsAloneAFaultIsAnsweredAndGibberishThatHitsAWordIsNot() throws Exception {
    // this searcher has no embedding model: the bm25-only calibration decides
    assertThat(searcher.search(SearchRequest.of("washing machine wont drain")).answered()).isTrue();
    SearchResponse gibberish = searcher.search(SearchRequest.of("qwzx vbnmk drain"));
    assertThat(gibberish.hits()).isNotEmpty();
    assertThat(gibberish.answered()).isFalse();
  }

  @Test
  void modelNumberWithAnyPunctuationFindsTheModel() throws Exception {
    for (String q : List.of("WM-8420X", "wm8420x", "wm 8420x", "8420")) {
      assertThat(urls(q)).as(q).hasSizeGreaterThanOrEqualTo(4).doesNotContain("http://f/3");
      assertThat(urls(q).subList(0, 4))
          .as(q)
          .containsExactlyInAnyOrder(
              "http://m/wm8420x#1", "http://f/1", "http://v/1", "http://r/1");
    }
  }

  @Test
  void errorCodeSpellingsMeet() throws Exception {
    assertThat(urls("e-18").getFirst()).isIn("http://m/wm8420x#1", "http://f/1");
    assertThat(urls("Err 07").getFirst()).isEqualTo("http://f/3");
  }

  @Test
  void manualRemedyAndAcceptedThreadRankFirstForAModelFault() throws Exception {
    assertThat(urls("wont drain WM-8420X").subList(0, 3))
        .contains("http://m/wm8420x#1", "http://f/1");
  }

  @Test
  void filtersFacetsAndPaging() throws Exception {
    SearchRequest onlyForum =
        new SearchRequest("drain", Optional.of("forum"), Optional.empty(), Optional.empty(), 1, 10);
    SearchResponse r = searcher.search(onlyForum);
    assertThat(r.hits()).allMatch(h -> h.kind().equals("forum"));
    SearchResponse all = searcher.search(SearchRequest.of("drain"));
    assertThat(all.facets().get("kind")).containsEntry("forum", 2L).containsKeys("manual", "video");
    SearchResponse page2 =
        searcher.search(
            new SearchRequest("drain", Optional.empty(), Optional.empty(), Optional.empty(), 2, 2));
    assertThat(page2.hits()).hasSize(2);
    assertThat(page2.hits().getFirst().url()).isEqualTo(all.hits().get(2).url());
  }

  @Test
  void queriesWithOnlySyntaxOrStopWordsReturnNothingRatherThanFail() throws Exception {
    for (String q : List.of("\"", "(((", "the a of", "-", "*", "AND OR NOT", "\\")) {
      assertThat(searcher.search(SearchRequest.of(q)).total()).as(q).isGreaterThanOrEqualTo(0);
    }
  }
}
