package io.fixfinder.indexer.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fit is calibrated: on examples drawn from a known logistic model, it recovers the model, and
 * among examples it gives about p, about p are positive. Random data is seeded; {@code
 * -Dtests.seed=N} replays another seed.
 */
class LogisticTest {
  static final long SEED = Long.getLong("tests.seed", 20261203L);

  @Test
  void recoversAKnownModelAndIsCalibrated() {
    Random random = new Random(SEED);
    double bias = -1.5;
    double[] w = {2.0, -1.0, 0.5};
    List<Logistic.Example> ex = new ArrayList<>();
    Logistic truth = new Logistic(bias, w);
    for (int i = 0; i < 20_000; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextInt(3) - 1};
      ex.add(new Logistic.Example(x, random.nextDouble() < truth.probability(x)));
    }
    double[] weights = new double[ex.size()];
    Arrays.fill(weights, 1);
    Logistic fit = Logistic.fit(ex, weights, 1e-6);
    assertThat(fit.bias()).as("seed %d", SEED).isCloseTo(bias, within(0.1));
    for (int i = 0; i < w.length; i++) {
      assertThat(fit.weights()[i]).as("seed %d weight %d", SEED, i).isCloseTo(w[i], within(0.1));
    }
    // calibration: in each probability decile, the share of positives is close to the mean p
    double[] p = new double[10];
    double[] y = new double[10];
    int[] n = new int[10];
    for (Logistic.Example e : ex) {
      double q = fit.probability(e.x());
      int b = Math.min(9, (int) (q * 10));
      p[b] += q;
      y[b] += e.relevant() ? 1 : 0;
      n[b]++;
    }
    for (int b = 0; b < 10; b++) {
      if (n[b] < 500) continue;
      assertThat(y[b] / n[b]).as("seed %d bin %d", SEED, b).isCloseTo(p[b] / n[b], within(0.04));
    }
  }

  @Test
  void separableDataStaysFiniteUnderThePenalty() {
    List<Logistic.Example> ex =
        List.of(
            new Logistic.Example(new double[] {0}, false),
            new Logistic.Example(new double[] {0}, false),
            new Logistic.Example(new double[] {1}, true),
            new Logistic.Example(new double[] {1}, true));
    Logistic fit = Logistic.fit(ex, new double[] {1, 1, 1, 1}, 1e-2);
    assertThat(fit.weights()[0]).isFinite().isPositive();
    assertThat(fit.probability(new double[] {1})).isGreaterThan(0.9);
    assertThat(fit.probability(new double[] {0})).isLessThan(0.1);
    // deterministic: the same examples give the same model
    assertThat(Logistic.fit(ex, new double[] {1, 1, 1, 1}, 1e-2)).isEqualTo(fit);
  }

  @Test
  void exampleWeightsCount() {
    List<Logistic.Example> ex =
        List.of(
            new Logistic.Example(new double[] {0}, true),
            new Logistic.Example(new double[] {0}, false));
    Logistic even = Logistic.fit(ex, new double[] {1, 1}, 1e-3);
    Logistic tilted = Logistic.fit(ex, new double[] {3, 1}, 1e-3);
    assertThat(even.probability(new double[] {0})).isCloseTo(0.5, within(1e-6));
    assertThat(tilted.probability(new double[] {0})).isCloseTo(0.75, within(1e-6));
  }
}
