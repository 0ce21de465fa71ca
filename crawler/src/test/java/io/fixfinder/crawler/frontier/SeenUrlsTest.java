package io.fixfinder.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenUrlsTest {
  @Test
  void aUrlIsNeverQueuedTwiceAndTheFalsePositiveRateIsWhatItWasSizedFor() {
    SeenUrls seen = new SeenUrls(100_000, 0.01);
    int droppedWhileFilling = 0;
    for (int i = 0; i < 100_000; i++) {
      if (!seen.addIfNew("https://a.example/p/" + i)) droppedWhileFilling++;
    }
    // the rate grows from 0 to 1% as it fills: well under 1% of these were taken for seen
    assertThat(droppedWhileFilling).isLessThan(600);
    for (int i = 0; i < 100_000; i += 97) {
      assertThat(seen.addIfNew("https://a.example/p/" + i)).as("never new twice").isFalse();
      assertThat(seen.contains("https://a.example/p/" + i)).isTrue();
    }
    int falsePositives = 0;
    for (int i = 0; i < 100_000; i++) {
      if (seen.contains("https://b.example/q/" + i)) falsePositives++;
    }
    assertThat(falsePositives).isBetween(500, 1_600);
    assertThat(seen.expectedFalsePositiveRate()).isBetween(0.008, 0.012);
    assertThat(seen.bytes()).isBetween(110_000L, 130_000L); // ~9.6 bits a URL
  }

  @Test
  void nonsenseSizesAreRefused() {
    assertThatThrownBy(() -> new SeenUrls(0, 0.01)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeenUrls(10, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
