package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixfinder.indexer.testing.TestSeed;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Learned fusion on hand-made candidate lists: its features worked out by hand, the shipped
 * weights' behaviour on the cases that matter (a lone match, one side missing, a record rising in
 * either list) and determinism.
 */
class LearnedFusionTest {
  static final LearnedFusion.Shape PLAIN = new LearnedFusion.Shape(false, 6, false);
  static final LearnedFusion.Shape KEYED = new LearnedFusion.Shape(true, 2, false);

  static ScoreDoc[] list(float... docAndScore) {
    return ScoreFusionTest.list(docAndScore);
  }

  static int[] order(ScoreDoc[] fused) {
    return Arrays.stream(fused).mapToInt(d -> d.doc).toArray();
  }

  static int position(ScoreDoc[] fused, int doc) {
    for (int i = 0; i < fused.length; i++) if (fused[i].doc == doc) return i;
    throw new AssertionError("doc " + doc + " not fused");
  }

  static double[] only(String feature, double w) {
    double[] out = new double[LearnedFusion.FEATURES.size()];
    out[LearnedFusion.FEATURES.indexOf(feature)] = w;
    return out;
  }

  @Test
  void featuresOfASmallCaseWorkedOutByHand() {
    // words (complete) 1 → 5 over candidates 1, 2, 3: z = √2, -1/√2, -1/√2; gap 1 (fewer than 10)
    // dense 2 → 0.9, 3 → 0.5, 1 → 0.1: z = √1.5, 0, -√1.5; top 0.9; gap 1
    LearnedFusion.Candidates c =
        LearnedFusion.features(
            RankedList.whole(list(1, 5f)),
            RankedList.cut(list(2, 0.9f, 3, 0.5f, 1, 0.1f)),
            new LearnedFusion.Shape(true, 2, true));
    assertThat(c.docs()).containsExactly(1, 2, 3);
    assertThat(c.wordRank()).containsExactly(0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    double r2 = Math.sqrt(2);
    double r15 = Math.sqrt(1.5);
    // zb, zd, zb*keyed, zb*gap, zd*top, zd*dgap, zd*question, zb*short, rb, rd, bmax, cos
    double[][] expected = {
      {r2, -r15, r2, r2, -r15 * 0.9, -r15, -r15, r2, 1, 10.0 / 12, 1, 0.1},
      {-1 / r2, r15, -1 / r2, -1 / r2, r15 * 0.9, r15, r15, -1 / r2, 0, 1, 0, 0.9},
      {-1 / r2, 0, -1 / r2, -1 / r2, 0, 0, 0, -1 / r2, 0, 10.0 / 11, 0, 0.5}
    };
    for (int i = 0; i < 3; i++) {
      for (int f = 0; f < expected[i].length; f++) {
        assertThat(c.x()[i][f])
            .as("doc %d %s", c.docs()[i], LearnedFusion.FEATURES.get(f))
            .isCloseTo(expected[i][f], within(1e-5));
      }
    }
  }

  @Test
  void theQueryShapeReadsQuestionsAndLength() {
    assertThat(LearnedFusion.Shape.of("How do I reset my router", false).question()).isTrue();
    assertThat(LearnedFusion.Shape.of("router keeps dropping wifi?", false).question()).isTrue();
    assertThat(LearnedFusion.Shape.of("router keeps dropping wifi", false))
        .isEqualTo(new LearnedFusion.Shape(false, 4, false));
    assertThat(LearnedFusion.Shape.of("  ", true))
        .isEqualTo(new LearnedFusion.Shape(true, 0, false));
  }

  @Test
  void aBareModelNumberMakesALookupAYearDoesNot() {
    // a product named by its number: the words decide, as for a mixed model token
    assertThat(LearnedFusion.Shape.of("dell 3520 fan noise", false).keyed()).isTrue();
    assertThat(LearnedFusion.Shape.of("iRobot Roomba 980 motherboard", false).keyed()).isTrue();
    assertThat(LearnedFusion.Shape.of("HP Officejet Pro 8630, paper jam?", false).keyed()).isTrue();
    assertThat(LearnedFusion.Shape.of("model 123456 hums", false).keyed()).isTrue();
    // a year, a short or a long number, a range or a version are not a model named by number
    assertThat(LearnedFusion.Shape.of("washer broke in 2019", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("bought 1999, dead since", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("fridge 12 years old", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("serial 1234567 fails", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("draws 23-24 mA", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("ubuntu 16.04 wont boot", false).keyed()).isFalse();
    // a code is keyed as the searcher said, with or without a number beside it
    assertThat(LearnedFusion.Shape.of("E18", true).keyed()).isTrue();
    assertThat(LearnedFusion.Shape.of("E18 in 2019", true).keyed()).isTrue();
    assertThat(LearnedFusion.Shape.of("E18", false).keyed()).isFalse();
    assertThat(LearnedFusion.Shape.of("dell 3520 fan noise", false))
        .isEqualTo(new LearnedFusion.Shape(true, 4, false));
  }

  @Test
  void eachWeightPullsTheRankingItsWay() {
    RankedList words = RankedList.cut(list(1, 3f, 2, 2f, 3, 1f));
    RankedList meaning = RankedList.cut(list(3, 0.9f, 2, 0.5f, 1, 0.1f));
    assertThat(order(LearnedFusion.fuse(words, meaning, PLAIN, only("zb", 1))))
        .containsExactly(1, 2, 3);
    assertThat(order(LearnedFusion.fuse(words, meaning, PLAIN, only("zd", 1))))
        .containsExactly(3, 2, 1);
    // the keyed term speaks only for a keyed query; a plain one falls to ties: bm25 order
    assertThat(order(LearnedFusion.fuse(words, meaning, PLAIN, only("zb*keyed", 1))))
        .containsExactly(1, 2, 3);
    double[] keyedWords = only("zd", 1);
    keyedWords[LearnedFusion.FEATURES.indexOf("zb*keyed")] = 2;
    assertThat(order(LearnedFusion.fuse(words, meaning, KEYED, keyedWords)))
        .containsExactly(1, 2, 3);
    assertThat(order(LearnedFusion.fuse(words, meaning, PLAIN, keyedWords)))
        .containsExactly(3, 2, 1);
  }

  @Test
  void aLoneMatchAmongManyNeighboursComesFirst() {
    // one record matches the words (the list is complete: it is every match) among 60 dense
    // neighbours, where it is only 30th: an exact lookup, which must stay on top
    float[] dense = new float[120];
    for (int i = 0; i < 60; i++) {
      dense[2 * i] = 100 + i;
      dense[2 * i + 1] = 0.8f - i * 0.005f;
    }
    dense[2 * 29] = 7;
    for (LearnedFusion.Shape shape : List.of(PLAIN, KEYED)) {
      ScoreDoc[] fused =
          LearnedFusion.fuse(
              RankedList.whole(list(7, 4f)),
              RankedList.cut(list(dense)),
              shape,
              LearnedFusion.WEIGHTS);
      assertThat(fused[0].doc).as("%s", shape).isEqualTo(7);
      assertThat(fused).hasSize(60);
    }
  }

  @Test
  void aLoneMatchIsFirstWhateverTheDenseList() throws Exception {
    TestSeed.run("LearnedFusionTest.loneMatch", LearnedFusionTest::loneMatch);
  }

  /**
   * As {@code ScoreFusionTest}'s check, under the shipped weights and any query shape, with the
   * dense side as search gives it (20 to 200 neighbours: the searcher asks for 100; cosines up to
   * 0.8). Unlike linear fusion, learned fusion lets a neighbour far closer in meaning (a cosine
   * more than 0.5 above the lone match's) outrank a lone word match of a plain query: there the
   * match may be led only by such neighbours; otherwise it must be first. With one or two
   * neighbours z-scores say too little: that is not drawn here. ExactLookupTest checks real
   * one-record words on a real index under every fusion.
   */
  static void loneMatch(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      int n = 20 + random.nextInt(181);
      List<ScoreDoc> dense = new java.util.ArrayList<>();
      for (int d = 0; d < n; d++) {
        dense.add(new ScoreDoc(d, 0.8f * random.nextFloat()));
      }
      dense.sort((a, b) -> Float.compare(b.score, a.score));
      int hit = random.nextInt(n);
      LearnedFusion.Shape shape =
          new LearnedFusion.Shape(
              random.nextBoolean(), 1 + random.nextInt(12), random.nextBoolean());
      ScoreDoc[] fused =
          LearnedFusion.fuse(
              RankedList.whole(list(hit, 0.1f + 20 * random.nextFloat())),
              RankedList.cut(dense.toArray(ScoreDoc[]::new)),
              shape,
              LearnedFusion.WEIGHTS);
      float hitCosine = 0;
      for (ScoreDoc d : dense) if (d.doc == hit) hitCosine = d.score;
      int at = 0;
      while (fused[at].doc != hit) at++;
      String what = String.format("round %d, n %d, %s, cosine %.2f", round, n, shape, hitCosine);
      if (dense.getFirst().score - hitCosine <= 0.5f) {
        assertThat(at).as(what).isZero();
      } else {
        // Only neighbours far closer in meaning may lead the words' lone match.
        java.util.Map<Integer, Float> cosine = new java.util.HashMap<>();
        for (ScoreDoc d : dense) cosine.put(d.doc, d.score);
        for (int i = 0; i < at; i++) {
          assertThat(cosine.getOrDefault(fused[i].doc, 0f) - hitCosine)
              .as(what + ", ahead at " + i)
              .isGreaterThan(0.5f);
        }
      }
    }
  }

  @Test
  void aMissingSideLeavesTheOtherSidesOrder() {
    ScoreDoc[] words = list(4, 9f, 2, 5f, 8, 3f, 1, 1f);
    ScoreDoc[] meaning = list(6, 0.7f, 4, 0.6f, 9, 0.2f);
    for (RankedList none : List.of(RankedList.whole(), RankedList.cut())) {
      assertThat(
              order(
                  LearnedFusion.fuse(none, RankedList.cut(meaning), PLAIN, LearnedFusion.WEIGHTS)))
          .containsExactly(6, 4, 9);
    }
    assertThat(
            order(
                LearnedFusion.fuse(
                    RankedList.whole(words), RankedList.cut(), PLAIN, LearnedFusion.WEIGHTS)))
        .containsExactly(4, 2, 8, 1);
    assertThat(
            LearnedFusion.fuse(RankedList.whole(), RankedList.cut(), KEYED, LearnedFusion.WEIGHTS))
        .isEmpty();
    assertThatThrownBy(
            () ->
                LearnedFusion.fuse(
                    RankedList.whole(words), RankedList.cut(meaning), PLAIN, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weights");
  }

  @Test
  void aRecordRisingInEitherListNeverFallsInTheFusedRanking() throws Exception {
    TestSeed.run("LearnedFusionTest", LearnedFusionTest::rising);
  }

  /**
   * Random lists of 30 records, each in both lists; one record's bm25 (or dense) score is raised to
   * just below the next record's, so the lists' heads (gap, top) stay as they were: its fused
   * position must not get worse, under the shipped weights, for every query shape.
   */
  static void rising(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = 30;
      float[] w = new float[n];
      float[] d = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = 1 + 10 * random.nextFloat();
        d[i] = random.nextFloat();
      }
      int who = random.nextInt(n);
      boolean raiseWords = random.nextBoolean();
      float[] raised = (raiseWords ? w : d).clone();
      float next = Float.POSITIVE_INFINITY;
      for (float v : raised) if (v > raised[who]) next = Math.min(next, v);
      if (next == Float.POSITIVE_INFINITY) continue; // already the top: the head would move
      raised[who] = raised[who] + (next - raised[who]) * 0.9f;
      LearnedFusion.Shape shape =
          new LearnedFusion.Shape(
              random.nextBoolean(), 1 + random.nextInt(8), random.nextBoolean());
      int before = position(fuse(w, d, shape), who);
      int after = position(raiseWords ? fuse(raised, d, shape) : fuse(w, raised, shape), who);
      assertThat(after)
          .as("round %d, doc %d, raised in %s", round, who, raiseWords ? "bm25" : "dense")
          .isLessThanOrEqualTo(before);
    }
  }

  private static ScoreDoc[] fuse(float[] words, float[] meaning, LearnedFusion.Shape shape) {
    return LearnedFusion.fuse(
        RankedList.whole(sorted(words)),
        RankedList.cut(sorted(meaning)),
        shape,
        LearnedFusion.WEIGHTS);
  }

  private static ScoreDoc[] sorted(float[] scores) {
    ScoreDoc[] out = new ScoreDoc[scores.length];
    for (int i = 0; i < scores.length; i++) out[i] = new ScoreDoc(i, scores[i]);
    Arrays.sort(
        out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : a.doc - b.doc);
    return out;
  }

  @Test
  void theSameInputGivesTheSameRanking() {
    Random random = new Random(7);
    float[] w = new float[80];
    float[] d = new float[80];
    for (int i = 0; i < 40; i++) {
      w[2 * i] = random.nextInt(60);
      w[2 * i + 1] = 40 - i;
      d[2 * i] = random.nextInt(60);
      d[2 * i + 1] = 1 - i / 40f;
    }
    ScoreDoc[] a =
        LearnedFusion.fuse(
            RankedList.cut(dedupe(w)), RankedList.cut(dedupe(d)), PLAIN, LearnedFusion.WEIGHTS);
    ScoreDoc[] b =
        LearnedFusion.fuse(
            RankedList.cut(dedupe(w)), RankedList.cut(dedupe(d)), PLAIN, LearnedFusion.WEIGHTS);
    assertThat(order(a)).containsExactly(order(b));
    for (int i = 0; i < a.length; i++) assertThat(a[i].score).isEqualTo(b[i].score);
  }

  /** The pairs of {@code docAndScore} with each doc's first occurrence only. */
  private static ScoreDoc[] dedupe(float[] docAndScore) {
    java.util.LinkedHashMap<Integer, Float> seen = new java.util.LinkedHashMap<>();
    for (int i = 0; i < docAndScore.length / 2; i++) {
      seen.putIfAbsent((int) docAndScore[2 * i], docAndScore[2 * i + 1]);
    }
    return seen.entrySet().stream()
        .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
        .toArray(ScoreDoc[]::new);
  }

  @Test
  void wordsThatSingleOutAFewRecordsReadAsALookup() {
    int keyed = LearnedFusion.FEATURES.indexOf("zb*keyed");
    LearnedFusion.Shape word = new LearnedFusion.Shape(false, 1, false);
    RankedList dense = RankedList.cut(list(7, 0.9f, 8, 0.8f, 9, 0.7f, 1, 0.2f));
    // every match of the words, and only three: the plain-shaped query is a lookup
    LearnedFusion.Candidates few =
        LearnedFusion.features(RankedList.whole(list(1, 6f, 2, 5f, 3, 4f)), dense, word);
    for (double[] x : few.x()) assertThat(x[keyed]).isEqualTo(x[0]);
    // four matches, or three of a list cut short: not singled out
    LearnedFusion.Candidates four =
        LearnedFusion.features(RankedList.whole(list(1, 6f, 2, 5f, 3, 4f, 4, 3f)), dense, word);
    LearnedFusion.Candidates cut =
        LearnedFusion.features(RankedList.cut(list(1, 6f, 2, 5f, 3, 4f)), dense, word);
    for (double[] x : four.x()) assertThat(x[keyed]).isZero();
    for (double[] x : cut.x()) assertThat(x[keyed]).isZero();
    // a longer question matched by as few records is not a lookup
    LearnedFusion.Candidates question =
        LearnedFusion.features(RankedList.whole(list(1, 6f, 2, 5f, 3, 4f)), dense, PLAIN);
    for (double[] x : question.x()) assertThat(x[keyed]).isZero();
    // and the shipped weights put the few matches above every dense neighbour
    ScoreDoc[] fused = LearnedFusion.rank(few, LearnedFusion.WEIGHTS);
    assertThat(Arrays.stream(fused).limit(3).mapToInt(d -> d.doc))
        .containsExactlyInAnyOrder(1, 2, 3);
  }
}
