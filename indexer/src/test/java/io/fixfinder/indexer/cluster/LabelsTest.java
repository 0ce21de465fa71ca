package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void halfPhrasesAndUnitsAreNoLabels() {
    assertThat(Labels.labelWorthy("water under")).isFalse();
    assertThat(Labels.labelWorthy("the screen")).isFalse();
    assertThat(Labels.labelWorthy("kg")).isFalse();
    assertThat(Labels.labelWorthy("8 kg")).isFalse();
    assertThat(Labels.labelWorthy("cracked screen")).isTrue();
    assertThat(Labels.labelWorthy("paper jam")).isTrue();
    assertThat(Labels.labelWorthy("leaking")).isTrue();
  }
}
