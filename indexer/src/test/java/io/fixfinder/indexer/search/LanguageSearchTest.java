package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A German query finds a German record through the German stemmed field, on a small on-disk index
 * written by the real indexer: the query's "Laugenpumpen" and the record's "Laugenpumpe" are
 * different words to the English analysis.
 */
class LanguageSearchTest {
  @TempDir static Path dir;
  static IndexStore store;
  static Searcher searcher;

  static final String GERMAN = "http://rc/de/1";

  @BeforeAll
  static void index() throws Exception {
    Indexer.rebuild(
        dir,
        16,
        List.of(
            SearcherTest.doc(
                GERMAN,
                SourceKind.REPAIR_REPORT,
                "Geschirrspüler",
                "Die Laugenpumpe war durch Glasscherben verstopft. Wir haben sie gereinigt, jetzt"
                    + " läuft das Gerät wieder.",
                new Details.RepairReport("Fixed", "Dishwasher", 2022, "DEU", "")),
            SearcherTest.doc(
                "http://rc/en/1",
                SourceKind.REPAIR_REPORT,
                "Dishwasher",
                "The drain pump was blocked by broken glass; we cleaned it and the dishwasher"
                    + " works again.",
                new Details.RepairReport("Fixed", "Dishwasher", 2022, "GBR", "")),
            SearcherTest.doc(
                "http://rc/nl/1",
                SourceKind.REPAIR_REPORT,
                "Vaatwasser",
                "De pomp van de vaatwasser maakte lawaai; het lager is vervangen en hij werkt weer.",
                new Details.RepairReport("Fixed", "Dishwasher", 2022, "NLD", "")),
            SearcherTest.doc(
                "http://rc/en/2",
                SourceKind.FORUM,
                "Toaster will not pop up",
                "The toaster's lever does not stay down; the magnet is weak.",
                new Details.Thread("q", 0, 1, "", 0, 1))),
        new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
    searcher = new Searcher(store.searchers(), SearcherTest.KEYS);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  @Test
  void aGermanQueryFindsTheGermanRecordByItsStem() throws Exception {
    String query = "Laugenpumpen verstopft";
    // the German record is the only one in German...
    IndexSearcher s = store.searchers().acquire();
    try {
      assertThat(s.count(new TermQuery(new Term(Fields.LANG, "de")))).isEqualTo(1);
      assertThat(s.count(new TermQuery(new Term(Fields.LANG, "nl")))).isEqualTo(1);
      // ...and the English analysis alone does not meet "Laugenpumpen" with "Laugenpumpe"
      assertThat(s.count(new TermQuery(new Term(Fields.BODY, "laugenpumpen")))).isZero();
    } finally {
      store.searchers().release(s);
    }
    List<String> urls =
        searcher.search(SearchRequest.of(query)).hits().stream()
            .map(SearchResponse.Hit::url)
            .toList();
    assertThat(urls).first().isEqualTo(GERMAN);
    assertThat(urls).doesNotContain("http://rc/en/2");
  }

  @Test
  void aGermanQuerysStopWordsAreNotSearchedInTheEnglishBody() {
    String query = "Die Pumpe läuft nicht mehr.";
    String q =
        QueryBuilderTest.QUERIES
            .build(SearchRequest.of(query), SearcherTest.KEYS.extract(query))
            .toString();
    assertThat(q).contains("body_de:pump", "body:pump").doesNotContain("body:die", "body:nicht");
    // an English query keeps every word the English analysis keeps
    String english = "the pump does not work";
    assertThat(
            QueryBuilderTest.QUERIES
                .build(SearchRequest.of(english), SearcherTest.KEYS.extract(english))
                .toString())
        .contains("body:work")
        .doesNotContain("body_");
  }

  @Test
  void anEnglishQueryIsUnchangedByTheOtherLanguages() throws Exception {
    List<String> urls =
        searcher.search(SearchRequest.of("dishwasher drain pump blocked")).hits().stream()
            .map(SearchResponse.Hit::url)
            .toList();
    assertThat(urls).first().isEqualTo("http://rc/en/1");
  }
}
