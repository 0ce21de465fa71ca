package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The ranking handed to another engine is the embedded searcher's, piece by piece. */
class ExternalRankingTest {
  static final KeyExtractor KEYS = KeyExtractor.builtIn();

  @Test
  void thePlanIsTheEmbeddedQueryWithoutPriorAndFilters() {
    ExternalRanking ranking =
        new ExternalRanking(KEYS, Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT);
    SearchRequest request =
        new SearchRequest(
            "WM-8420X E18 won't drain",
            Optional.of("forum"),
            Optional.empty(),
            Optional.empty(),
            1,
            10);
    ExternalRanking.Plan plan = ranking.plan(request);
    Query built =
        new QueryBuilder(KEYS.lexicon(), Tuning.KEY_EXPONENT, Tuning.PRIOR_EXPONENT)
            .build(request, KEYS.extract(request.query()));
    // the scored part is exactly what the embedded query multiplies by the prior
    PriorBoostQuery primed = (PriorBoostQuery) ((BooleanQuery) built).clauses().getFirst().query();
    assertThat(plan.scored()).isEqualTo(primed.inner());
    assertThat(plan.filters()).containsExactlyElementsOf(QueryBuilder.filters(request));
    assertThat(plan.priorExponent()).isEqualTo(Tuning.PRIOR_EXPONENT);
    assertThat(plan.keyed()).isTrue(); // a model and a code: a lookup
    assertThat(plan.mode()).isEqualTo(Retrieval.HYBRID);
    // the unfiltered query is the same words without the kind filter
    assertThat(plan.unfilteredScored()).isEqualTo(plan.scored());
    assertThat(plan.scored().toString()).contains("codes:E18");
    for (BooleanClause c : ((BooleanQuery) plan.scored()).clauses()) {
      assertThat(c.query()).isNotInstanceOf(PriorBoostQuery.class);
    }
  }

  @Test
  void nothingSearchableIsMatchNoDocs() {
    ExternalRanking ranking =
        new ExternalRanking(KEYS, Retrieval.BM25, Fusion.LEARNED, Tuning.DEFAULT);
    assertThat(ranking.plan(SearchRequest.of("!!")).scored()).isInstanceOf(MatchNoDocsQuery.class);
  }

  /** Random lists, fused by id and by Lucene doc: the same order and scores (seed printed). */
  @Test
  void fusionByIdIsTheEmbeddedFusion() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    Random random = new Random(seed);
    for (Fusion fusion : Fusion.values()) {
      ExternalRanking ranking = new ExternalRanking(KEYS, Retrieval.HYBRID, fusion, Tuning.DEFAULT);
      ExternalRanking.Plan plan = ranking.plan(SearchRequest.of("dishwasher leaves dishes dirty"));
      for (int round = 0; round < 50; round++) {
        int n = 1 + random.nextInt(40);
        List<ExternalRanking.Scored> words = new ArrayList<>();
        List<ExternalRanking.Scored> meaning = new ArrayList<>();
        List<ScoreDoc> w = new ArrayList<>();
        List<ScoreDoc> m = new ArrayList<>();
        float s = 10;
        for (int i = 0; i < n; i++) {
          s -= random.nextFloat();
          words.add(new ExternalRanking.Scored("r" + i, s));
          w.add(new ScoreDoc(i, s));
        }
        float d = 1;
        for (int i = 0; i < n; i++) {
          int doc = random.nextInt(2 * n); // half of them bm25 candidates too
          if (m.stream().anyMatch(x -> x.doc == doc)) continue;
          d -= random.nextFloat() / n;
          meaning.add(new ExternalRanking.Scored("r" + doc, d));
          m.add(new ScoreDoc(doc, d));
        }
        boolean complete = random.nextBoolean();
        List<ExternalRanking.Scored> byId =
            ranking.fuse(plan, "dishwasher leaves dishes dirty", words, complete, meaning);
        RankedList bm25 = new RankedList(w.toArray(ScoreDoc[]::new), complete);
        RankedList dense = RankedList.cut(m.toArray(ScoreDoc[]::new));
        ScoreDoc[] byDoc =
            fusion == Fusion.LEARNED
                ? LearnedFusion.fuse(
                    bm25,
                    dense,
                    LearnedFusion.Shape.of("dishwasher leaves dishes dirty", plan.keyed()),
                    LearnedFusion.WEIGHTS)
                : ScoreFusion.fuse(
                    bm25,
                    dense,
                    fusion,
                    ScoreFusion.bm25Weight(Tuning.DEFAULT, plan.keyed(), bm25.docs()),
                    Tuning.DEFAULT.norm(),
                    Tuning.DEFAULT.rrfK());
        assertThat(byId).as("seed %d, %s, round %d", seed, fusion, round).hasSize(byDoc.length);
        for (int i = 0; i < byDoc.length; i++) {
          assertThat(byId.get(i).id())
              .as("seed %d, %s, rank %d", seed, fusion, i)
              .isEqualTo("r" + byDoc[i].doc);
          assertThat(byId.get(i).score()).isEqualTo(byDoc[i].score);
        }
      }
    }
  }

  @Test
  void pagesPastTheFusedHeadFollowBm25() {
    List<ExternalRanking.Scored> words = new ArrayList<>();
    for (int i = 0; i < ExternalRanking.CANDIDATES + 20; i++) {
      words.add(new ExternalRanking.Scored("w" + i, 1000 - i));
    }
    List<ExternalRanking.Scored> fused =
        List.of(new ExternalRanking.Scored("w3", 2), new ExternalRanking.Scored("d1", 1));
    List<ExternalRanking.Scored> page = ExternalRanking.thenTheRest(fused, words, 5);
    assertThat(page.stream().map(ExternalRanking.Scored::id))
        .containsExactly("w3", "d1", "w100", "w101", "w102");
  }
}
