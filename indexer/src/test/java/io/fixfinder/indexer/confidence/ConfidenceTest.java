package io.fixfinder.indexer.confidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model reads evidence the way the evidence means it. */
class ConfidenceTest {
  static Evidence strong() {
    return new Evidence(0.7, 0.7, 1, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0.9, 0);
  }

  @Test
  void probabilitiesAreProbabilities() {
    assertThat(Confidence.probability(strong())).isBetween(0.0, 1.0);
    assertThat(Evidence.NAMES).hasSize(strong().features().length);
    assertThat(Confidence.MODEL.weights()).hasSize(Evidence.NAMES.size());
  }

  @Test
  void evidenceRoundTripsThroughItsFeatures() {
    assertThat(Evidence.of(strong().features())).isEqualTo(strong());
  }

  @Test
  void agreementIsSignedAndNeutralWhenEitherSideIsSilent() {
    assertThat(Evidence.agreement(true, true, true)).isEqualTo(1);
    assertThat(Evidence.agreement(true, false, true)).isEqualTo(-1);
    assertThat(Evidence.agreement(true, false, false)).isZero();
    assertThat(Evidence.agreement(false, false, true)).isZero();
  }

  @Test
  void anAbsentProductTypeOrUnknownWordsLowerConfidence() {
    Evidence e = strong();
    double[] f = e.features();
    f[Evidence.NAMES.indexOf("typeAbsent")] = 1;
    Evidence absent = Evidence.of(f);
    Evidence unknown = new Evidence(0.1, 0.1, 0, e.rank(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(Confidence.probability(absent)).isLessThan(Confidence.probability(e));
    assertThat(Confidence.probability(unknown)).isLessThan(Confidence.ANSWER_THRESHOLD);
  }

  @Test
  void answersNeedResultsAndReadTheTopOnes() {
    assertThat(Confidence.answers(List.of())).isFalse();
    Evidence gibberish = new Evidence(0.1, 0.1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(Confidence.answers(List.of(gibberish))).isFalse();
    assertThat(Confidence.answers(List.of(strong()))).isTrue();
    assertThat(Confidence.queryFeatures(List.of(strong())))
        .hasSize(Confidence.QUERY_FEATURES.size());
    assertThat(Confidence.ANSWER_MODEL.weights()).hasSize(Confidence.QUERY_FEATURES.size());
  }

  @Test
  void eachRetrievalModeHasItsOwnCalibration() {
    for (Confidence.Calibration c : List.of(Confidence.HYBRID, Confidence.WORDS)) {
      assertThat(c.model().weights()).hasSize(Evidence.NAMES.size());
      assertThat(c.answerModel().weights()).hasSize(Confidence.QUERY_FEATURES.size());
      assertThat(c.threshold()).isBetween(0.0, 1.0);
      assertThat(c.answers(List.of())).isFalse();
    }
    assertThat(Confidence.of(true)).isSameAs(Confidence.HYBRID);
    assertThat(Confidence.of(false)).isSameAs(Confidence.WORDS);
  }
}
