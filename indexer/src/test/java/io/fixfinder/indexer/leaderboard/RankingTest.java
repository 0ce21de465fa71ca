package io.fixfinder.indexer.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Competition ranks over qualifying rows only. */
class RankingTest {

  @Test
  void highestFirstWithTiesSharingARankAndSkippingTheNext() {
    double[] keys = {0.5, 0.9, 0.7, 0.9, 0.1};
    boolean[] all = {true, true, true, true, true};
    assertThat(Ranking.ranks(keys, all, true)).containsExactly(4, 1, 3, 1, 5);
    assertThat(Ranking.ranks(keys, all, false)).containsExactly(2, 4, 3, 4, 1);
  }

  @Test
  void rowsThatDoNotQualifyAreUnrankedAndTakeNoPlace() {
    // the best key belongs to a row with too few reports: it must not push the others down
    double[] keys = {0.5, 0.99, 0.7};
    boolean[] qualifies = {true, false, true};
    assertThat(Ranking.ranks(keys, qualifies, true)).containsExactly(2, 0, 1);
    assertThat(Ranking.ranks(keys, new boolean[3], true)).containsExactly(0, 0, 0);
  }

  @Test
  void floatingPointNoiseTies() {
    double a = 0.1 + 0.2;
    double b = 0.3;
    assertThat(a).isNotEqualTo(b);
    assertThat(Ranking.ranks(new double[] {a, b, 0.2}, new boolean[] {true, true, true}, true))
        .containsExactly(1, 1, 3);
  }

  @Test
  void refusesMismatchedInput() {
    assertThatThrownBy(() -> Ranking.ranks(new double[2], new boolean[3], true))
        .hasMessageContaining("2 keys but 3");
    assertThatThrownBy(() -> Ranking.ranks(new double[] {Double.NaN}, new boolean[] {true}, true))
        .hasMessageContaining("NaN");
  }
}
