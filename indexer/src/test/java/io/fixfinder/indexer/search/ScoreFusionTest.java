package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.indexer.testing.TestSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/**
 * Fusion and its normalisers against values worked out by hand (the comments show the sums), with
 * the degenerate lists of every normaliser and of RRF: one hit, equal scores, an empty side.
 */
class ScoreFusionTest {
  static final float W = 0.75f;
  static final double EPS = 1e-5;
  static final double R2 = Math.sqrt(2);
  static final double R15 = Math.sqrt(1.5);

  static ScoreDoc[] list(float... docAndScore) {
    ScoreDoc[] out = new ScoreDoc[docAndScore.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScoreDoc((int) docAndScore[2 * i], docAndScore[2 * i + 1]);
    }
    return out;
  }

  /** Dense: 2 → 0.9, 3 → 0.5, 1 → 0.1; z-scores ±√1.5 and 0, min-max 1, 0.5, 0. */
  static final ScoreDoc[] MEANING = list(2, 0.9f, 3, 0.5f, 1, 0.1f);

  static ScoreDoc[] fuse(RankedList words, ScoreDoc[] meaning, Fusion fusion, Norm norm) {
    return ScoreFusion.fuse(words, RankedList.cut(meaning), fusion, W, norm, Tuning.RRF_K);
  }

  static void assertScores(ScoreDoc[] fused, int[] docs, double[] scores) {
    assertThat(Arrays.stream(fused).map(d -> d.doc).toList())
        .containsExactlyElementsOf(Arrays.stream(docs).boxed().toList());
    for (int i = 0; i < docs.length; i++) {
      assertThat((double) fused[i].score).as("doc %d", docs[i]).isCloseTo(scores[i], within(EPS));
    }
  }

  @Test
  void zScoreOfALoneMatchAmongAllCandidatesPutsItFirst() {
    // words over the 3 candidates: 5, 0, 0 → mean 5/3, sd √50/3 → z = √2, -1/√2, -1/√2
    ScoreDoc[] fused = fuse(RankedList.whole(list(1, 5f)), MEANING, Fusion.LINEAR, Norm.ZSCORE);
    assertScores(
        fused,
        new int[] {1, 2, 3},
        new double[] {W * R2 - (1 - W) * R15, -W / R2 + (1 - W) * R15, -W / R2});
  }

  @Test
  void zScoreOfEqualMatchesLiftsThemAlikeOverTheRest() {
    // words over 3 candidates: 2, 2, 0 → mean 4/3, sd √8/3 → z = 1/√2, 1/√2, -√2
    // dense 1 → 0.1, 2 → 0.5, 3 → 0.9 → z = -√1.5, 0, √1.5
    ScoreDoc[] meaning = list(3, 0.9f, 2, 0.5f, 1, 0.1f);
    ScoreDoc[] fused =
        fuse(RankedList.whole(list(1, 2f, 2, 2f)), meaning, Fusion.LINEAR, Norm.ZSCORE);
    assertScores(
        fused,
        new int[] {2, 1, 3},
        new double[] {W / R2, W / R2 - (1 - W) * R15, -W * R2 + (1 - W) * R15});
  }

  @Test
  void aListCutShortWhoseScoresAreAllEqualAddsNothing() {
    for (Norm norm : Norm.values()) {
      // the words tell 1 and 2 apart nowhere: dense alone orders them (z ±1, min-max 1 and 0)
      ScoreDoc[] fused =
          ScoreFusion.fuse(
              RankedList.cut(list(1, 3f, 2, 3f)),
              RankedList.cut(list(2, 0.9f, 1, 0.1f)),
              Fusion.LINEAR,
              W,
              norm,
              Tuning.RRF_K);
      double top =
          switch (norm) {
            case ZSCORE -> 1 - W;
            case MINMAX, MAX -> 1 - W;
          };
      double low =
          switch (norm) {
            case ZSCORE -> -(1 - W);
            case MINMAX -> 0;
            case MAX -> (1 - W) * (0.1 / 0.9);
          };
      assertScores(fused, new int[] {2, 1}, new double[] {top, low});
    }
  }

  @Test
  void anEmptySideAddsNothingAndBothEmptyGiveNothing() {
    for (Norm norm : Norm.values()) {
      for (RankedList none : List.of(RankedList.whole(), RankedList.cut())) {
        ScoreDoc[] fused =
            ScoreFusion.fuse(
                none, RankedList.cut(list(1, 0.9f, 2, 0.1f)), Fusion.LINEAR, W, norm, 60);
        assertThat(fused[0].doc).as("%s", norm).isEqualTo(1);
        assertThat(fused).hasSize(2);
        ScoreDoc[] wordsOnly =
            ScoreFusion.fuse(
                RankedList.whole(list(4, 2f, 5, 1f)), RankedList.cut(), Fusion.LINEAR, W, norm, 60);
        // two matches and no other candidate: 2 and 1 are the whole population
        assertThat(wordsOnly[0].doc).isEqualTo(4);
        assertThat(ScoreFusion.fuse(none, RankedList.cut(), Fusion.LINEAR, W, norm, 60)).isEmpty();
      }
      assertThat(ScoreFusion.fuse(RankedList.cut(), RankedList.cut(), Fusion.RRF, W, norm, 60))
          .isEmpty();
    }
  }

  @Test
  void minMaxAndMaxOfALoneMatchCountTheOtherCandidatesAtZero() {
    // min-max words 1, 0, 0; dense 0, 1, 0.5 (docs 1, 2, 3)
    assertScores(
        fuse(RankedList.whole(list(1, 5f)), MEANING, Fusion.LINEAR, Norm.MINMAX),
        new int[] {1, 2, 3},
        new double[] {W, 1 - W, (1 - W) * 0.5});
    // max: words 1, 0, 0; dense 0.1/0.9, 1, 0.5/0.9
    assertScores(
        fuse(RankedList.whole(list(1, 5f)), MEANING, Fusion.LINEAR, Norm.MAX),
        new int[] {1, 2, 3},
        new double[] {W + (1 - W) / 9, 1 - W, (1 - W) * 5 / 9});
  }

  @Test
  void maxOfAnAllZeroListAddsNothing() {
    ScoreDoc[] fused =
        ScoreFusion.fuse(
            RankedList.whole(list(1, 2f, 2, 1f)),
            RankedList.cut(list(1, 0f, 2, 0f)),
            Fusion.LINEAR,
            W,
            Norm.MAX,
            60);
    assertScores(fused, new int[] {1, 2}, new double[] {W, W / 2});
  }

  @Test
  void reciprocalRanksWithALoneMatchEqualScoresAndAnEmptySide() {
    // lone match: 1 → 1/61 + 1/63 (third in dense), 2 → 1/61, 3 → 1/62
    assertScores(
        fuse(RankedList.whole(list(1, 5f)), MEANING, Fusion.RRF, Norm.ZSCORE),
        new int[] {1, 2, 3},
        new double[] {1.0 / 61 + 1.0 / 63, 1.0 / 61, 1.0 / 62});
    // equal scores share a rank: 7 and 8 both 1/61, 9 is third: 1/63
    assertScores(
        ScoreFusion.fuse(
            RankedList.cut(list(8, 2f, 7, 2f, 9, 1f)),
            RankedList.cut(),
            Fusion.RRF,
            W,
            Norm.ZSCORE,
            60),
        new int[] {8, 7, 9},
        new double[] {1.0 / 61, 1.0 / 61, 1.0 / 63});
    // empty words: dense ranks alone
    assertScores(
        ScoreFusion.fuse(
            RankedList.whole(), RankedList.cut(MEANING), Fusion.RRF, W, Norm.ZSCORE, 60),
        new int[] {2, 3, 1},
        new double[] {1.0 / 61, 1.0 / 62, 1.0 / 63});
  }

  @Test
  void theDefaultPathWeighsAndNormalisesAsDocumented() {
    Tuning t = Tuning.DEFAULT;
    assertThat(t.norm()).isEqualTo(Norm.ZSCORE);
    // keyed: 0.75; no words: gap 0 → 0.4; fewer than 10 words: gap 1 → 0.75
    assertThat(ScoreFusion.bm25Weight(t, true, list())).isEqualTo(0.75f);
    assertThat(ScoreFusion.bm25Weight(t, false, list())).isEqualTo(0.4f);
    assertThat(ScoreFusion.bm25Weight(t, false, list(1, 3f, 2, 1f))).isEqualTo(0.75f);
    // 11 words, top 10, tenth 8: gap 0.2 → 0.4 + 0.35 × 0.2 / 0.7 = 0.5
    float[] flat = new float[22];
    for (int i = 0; i < 11; i++) {
      flat[2 * i] = i;
      flat[2 * i + 1] = i == 0 ? 10f : 8f;
    }
    assertThat((double) ScoreFusion.bm25Weight(t, false, list(flat))).isCloseTo(0.5, within(EPS));
    // tenth 2: gap 0.8 ≥ 0.7 → keyed weight
    flat[19] = 2f;
    assertThat(ScoreFusion.bm25Weight(t, false, list(flat))).isEqualTo(0.75f);
    // the default fusion of a cut bm25 list and dense: z-scores weighted 0.5 / 0.5
    // words 1 → 3, 2 → 1 (z ±1); dense 2 → 0.9, 1 → 0.1 (z ±1): a tie, won by the bm25 rank
    ScoreDoc[] fused =
        ScoreFusion.fuse(
            RankedList.cut(list(1, 3f, 2, 1f)),
            RankedList.cut(list(2, 0.9f, 1, 0.1f)),
            Fusion.LINEAR,
            0.5f,
            t.norm(),
            t.rrfK());
    assertScores(fused, new int[] {1, 2}, new double[] {0, 0});
  }

  @Test
  void aLoneMatchIsFirstWhateverTheDenseList() throws Exception {
    TestSeed.run("ScoreFusionTest", ScoreFusionTest::loneMatch);
  }

  private static void loneMatch(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(200);
      List<ScoreDoc> dense = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        // skewed: now and then one neighbour far above the rest
        float cos = random.nextInt(20) == 0 ? 1f : random.nextFloat() * random.nextFloat();
        dense.add(new ScoreDoc(d, cos));
      }
      dense.sort((a, b) -> Float.compare(b.score, a.score));
      int hit = random.nextInt(n);
      ScoreDoc[] words = list(hit, 0.1f + 20 * random.nextFloat());
      float w = ScoreFusion.bm25Weight(Tuning.DEFAULT, false, words);
      Collections.shuffle(dense.subList(0, 0), random);
      for (Fusion fusion : List.of(Fusion.RRF, Fusion.LINEAR)) { // learned: LearnedFusionTest
        for (Norm norm : Norm.values()) {
          ScoreDoc[] fused =
              ScoreFusion.fuse(
                  RankedList.whole(words),
                  RankedList.cut(dense.toArray(ScoreDoc[]::new)),
                  fusion,
                  w,
                  norm,
                  Tuning.RRF_K);
          assertThat(fused[0].doc)
              .as("round %d, %s %s, n %d", round, fusion, norm, n)
              .isEqualTo(hit);
        }
      }
    }
  }
}
