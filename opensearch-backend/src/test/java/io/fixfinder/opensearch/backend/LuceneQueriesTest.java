package io.fixfinder.opensearch.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Each Lucene query the indexer builds has its OpenSearch counterpart, boosts and occurs kept. */
class LuceneQueriesTest {
  @Test
  void aBoostedDisjunctionOfTermsStaysOneBoolOfBoostedTerms() {
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("body", "drain")), Occur.SHOULD)
            .add(new BoostQuery(new TermQuery(new Term("tools", "drain")), 0.3f), Occur.SHOULD)
            .add(
                new BoostQuery(
                    new BoostQuery(new TermQuery(new Term("model", "WM8420X")), 6f), 0.5f),
                Occur.SHOULD)
            .build();
    // a boost is sent as the float's exact value (OpenSearch reads it back to the same float)
    assertThat(LuceneQueries.json(LuceneQueries.of(q)))
        .isEqualTo(
            "{\"bool\":{\"minimum_should_match\":\"1\",\"should\":["
                + "{\"term\":{\"body\":{\"value\":\"drain\"}}},"
                + "{\"term\":{\"tools\":{\"boost\":"
                + (double) 0.3f
                + ",\"value\":\"drain\"}}},"
                + "{\"term\":{\"model\":{\"boost\":3.0,\"value\":\"WM8420X\"}}}]}}");
  }

  @Test
  void filtersMustNotsAndExistsKeepTheirPlace() {
    BooleanQuery q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("body", "door")), Occur.MUST)
            .add(new TermQuery(new Term("kind", "forum")), Occur.FILTER)
            .add(new FieldExistsQuery("type"), Occur.MUST_NOT)
            .build();
    String json = LuceneQueries.json(LuceneQueries.of(q));
    assertThat(json)
        .contains("\"filter\":[{\"term\":{\"kind\":{\"value\":\"forum\"}}}]")
        .contains("\"must\":[{\"term\":{\"body\":{\"value\":\"door\"}}}]")
        .contains("\"must_not\":[{\"exists\":{\"field\":\"type\"}}]")
        .doesNotContain("minimum_should_match");
  }

  @Test
  void aPhraseKeepsItsStopWordGapsAsSlop() {
    // "door of the washer": "of the" removed, the two words two positions apart
    PhraseQuery p =
        new PhraseQuery.Builder()
            .add(new Term("body", "door"), 0)
            .add(new Term("body", "washer"), 3)
            .build();
    assertThat(LuceneQueries.json(LuceneQueries.of(p)))
        .isEqualTo(
            "{\"match_phrase\":{\"body\":{\"analyzer\":\"whitespace\",\"query\":\"door washer\","
                + "\"slop\":2}}}");
  }

  @Test
  void nothingSearchableMatchesNothing() {
    assertThat(LuceneQueries.json(LuceneQueries.of(new MatchNoDocsQuery("empty"))))
        .isEqualTo("{\"match_none\":{}}");
  }
}
