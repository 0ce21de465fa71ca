package io.fixfinder.indexer.eval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixfinder.indexer.testing.TestSeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  static final Map<String, Integer> JUDGED = Map.of("a", 2, "b", 1, "c", 0, "z", 1);

  @Test
  void valuesComputedByHand() {
    List<String> ranked = List.of("x", "a", "c", "b");
    // DCG = 2/log2(3) + 1/log2(5); IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)
    double dcg = 2 / log2(3) + 1 / log2(5);
    double idcg = 2 + 1 / log2(3) + 0.5;
    assertThat(RankingMetrics.ndcg(ranked, JUDGED, 10)).isCloseTo(dcg / idcg, within(1e-12));
    assertThat(RankingMetrics.recall(ranked, JUDGED, 100)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(RankingMetrics.reciprocalRank(ranked, JUDGED, 10)).isEqualTo(0.5);
    assertThat(RankingMetrics.reciprocalRank(ranked, JUDGED, 1)).isZero();
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "z"), JUDGED, 10)).isEqualTo(1.0);
    assertThat(RankingMetrics.ndcg(List.of(), JUDGED, 10)).isZero();
  }

  @Test
  void randomRankingsStayInRangeAndTheIdealOrderIsBest() throws Exception {
    TestSeed.run("RankingMetricsTest", RankingMetricsTest::randomRankings);
  }

  private static void randomRankings(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      Map<String, Integer> judged = new HashMap<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        ids.add("d" + i);
        if (random.nextInt(3) == 0) judged.put("d" + i, random.nextInt(4));
      }
      Collections.shuffle(ids, random);
      double ndcg = RankingMetrics.ndcg(ids, judged, 10);
      assertThat(ndcg).as("seed %d", seed).isBetween(0.0, 1.0);
      List<String> ideal = new ArrayList<>(ids);
      ideal.sort((x, y) -> judged.getOrDefault(y, 0) - judged.getOrDefault(x, 0));
      if (judged.values().stream().anyMatch(g -> g > 0)) {
        assertThat(RankingMetrics.ndcg(ideal, judged, 10))
            .as("seed %d", seed)
            .isCloseTo(1.0, within(1e-9))
            .isGreaterThanOrEqualTo(ndcg);
        assertThat(RankingMetrics.recall(ids, judged, 100)).as("seed %d", seed).isEqualTo(1.0);
      }
    }
  }

  static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
