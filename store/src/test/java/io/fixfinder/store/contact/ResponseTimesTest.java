package io.fixfinder.store.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {
  @Test
  void bucketsAreUpperBoundsInMinutes() {
    assertThat(ResponseTimes.bucketOf(Duration.ZERO)).isZero();
    assertThat(ResponseTimes.bucketOf(Duration.ofSeconds(-30))).isZero();
    assertThat(ResponseTimes.bucketOf(Duration.ofMinutes(5))).isZero();
    assertThat(ResponseTimes.bucketOf(Duration.ofMinutes(5).plusSeconds(1))).isEqualTo(1);
    assertThat(ResponseTimes.bucketOf(Duration.ofDays(1))).isEqualTo(8);
    assertThat(ResponseTimes.bucketOf(Duration.ofDays(400)))
        .isEqualTo(ResponseTimes.UPPER_MINUTES.length - 1);
  }

  @Test
  void theMedianIsTheBoundOfTheBucketHoldingTheLowerMedian() {
    long[] counts = new long[ResponseTimes.UPPER_MINUTES.length];
    assertThat(ResponseTimes.median(counts)).isEmpty();
    counts[2] = 1;
    assertThat(ResponseTimes.median(counts)).isEqualTo(OptionalLong.of(30));
    counts[9] = 1;
    assertThat(ResponseTimes.median(counts)).isEqualTo(OptionalLong.of(30));
    counts[9] = 2;
    assertThat(ResponseTimes.median(counts)).isEqualTo(OptionalLong.of(2880));
  }

  @Test
  void theMedianMatchesTheBucketOfTheExactMedianOnRandomData() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    Random random = new Random(seed);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(50);
      long[] minutes = new long[n];
      long[] counts = new long[ResponseTimes.UPPER_MINUTES.length];
      for (int i = 0; i < n; i++) {
        minutes[i] = random.nextInt(30_000);
        counts[ResponseTimes.bucketOf(Duration.ofMinutes(minutes[i]))]++;
      }
      java.util.Arrays.sort(minutes);
      long exact = minutes[(n - 1) / 2];
      long expected =
          ResponseTimes.UPPER_MINUTES[ResponseTimes.bucketOf(Duration.ofMinutes(exact))];
      assertThat(ResponseTimes.median(counts))
          .as("seed %d (replay with -Dtests.seed=%d), round %d", seed, seed, round)
          .isEqualTo(OptionalLong.of(expected));
    }
  }
}
