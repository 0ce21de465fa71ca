package io.fixfinder.indexer.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Wilson score interval against the published values of Newcombe (1998), "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17,
 * Table I, method 3 (score interval without continuity correction), and its known properties.
 */
class ProportionTest {

  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0, 20, 0.0000, 0.1611",
    "1, 29, 0.0061, 0.1718",
  })
  void matchesNewcombesTable(long x, long n, double low, double high) {
    Proportion p = Proportion.wilson(x, n);
    assertThat(p.low()).isCloseTo(low, within(0.00006));
    assertThat(p.high()).isCloseTo(high, within(0.00006));
    assertThat(p.value()).isEqualTo((double) x / n);
    assertThat(p.n()).isEqualTo(n);
  }

  @Test
  void allSuccessesMirrorNoSuccesses() {
    Proportion none = Proportion.wilson(0, 20);
    Proportion all = Proportion.wilson(20, 20);
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(1 - none.high(), within(1e-12));
    assertThat(none.low()).isEqualTo(0.0);
  }

  @Test
  void theIntervalNarrowsAsReportsGrow() {
    double previous = 1;
    for (int n : new int[] {4, 16, 64, 256, 1024}) {
      Proportion p = Proportion.wilson(n * 0.75, n);
      double width = p.high() - p.low();
      assertThat(width).isLessThan(previous);
      assertThat(p.low()).isLessThan(0.75);
      assertThat(p.high()).isGreaterThan(0.75);
      previous = width;
    }
    // a handful of reports leaves a wide interval: 3 of 4 could be anything from a third up
    Proportion few = Proportion.wilson(3, 4);
    assertThat(few.low()).isLessThan(0.31);
    assertThat(few.high()).isGreaterThan(0.95);
  }

  @Test
  void fractionalSuccessesAreAccepted() {
    // a "partly" vote counts as half a fix
    Proportion p = Proportion.wilson(2.5, 5);
    assertThat(p.value()).isEqualTo(0.5);
    assertThat(p.low() + p.high()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void refusesImpossibleCounts() {
    assertThatThrownBy(() -> Proportion.wilson(0, 0)).hasMessageContaining("n >= 1, got 0");
    assertThatThrownBy(() -> Proportion.wilson(6, 5)).hasMessageContaining("0-5, got 6.0");
    assertThatThrownBy(() -> Proportion.wilson(-1, 5)).hasMessageContaining("got -1.0");
  }
}
