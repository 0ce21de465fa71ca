package io.fixfinder.indexer.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values checked by hand and against scikit-learn's documented examples. */
class ClusterMetricsTest {
  @Test
  void perfectAgreementScoresOne() {
    ClusterMetrics m = ClusterMetrics.of(List.of("a", "a", "b"), List.of("x", "x", "y"));
    assertThat(m.nmi()).isCloseTo(1, within(1e-12));
    assertThat(m.ari()).isCloseTo(1, within(1e-12));
    assertThat(m.bcubedF1()).isCloseTo(1, within(1e-12));
    assertThat(m.clusters()).isEqualTo(2);
  }

  @Test
  void splittingOneLabel() {
    // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714..., NMI (arithmetic) = 0.8
    ClusterMetrics m = ClusterMetrics.of(List.of("0", "0", "1", "1"), List.of("0", "0", "1", "2"));
    assertThat(m.ari()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(m.nmi()).isCloseTo(0.8, within(1e-9));
    assertThat(m.bcubedPrecision()).isCloseTo(1, within(1e-12));
    assertThat(m.bcubedRecall()).isCloseTo(0.75, within(1e-12));
    assertThat(m.bcubedF1()).isCloseTo(6.0 / 7, within(1e-12));
  }

  @Test
  void everythingInOneClusterHasNoInformation() {
    ClusterMetrics m = ClusterMetrics.of(List.of("a", "b", "c", "d"), List.of("x", "x", "x", "x"));
    assertThat(m.nmi()).isCloseTo(0, within(1e-12));
    assertThat(m.ari()).isCloseTo(0, within(1e-12));
    assertThat(m.bcubedPrecision()).isCloseTo(0.25, within(1e-12));
    assertThat(m.bcubedRecall()).isCloseTo(1, within(1e-12));
  }
}
