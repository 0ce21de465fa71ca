package io.fixfinder.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  static final long MB = 1024 * 1024;

  @Test
  void burstThenRefillPerClient() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(60, 3, MB, now::get); // one a second, three at once
    for (int i = 0; i < 3; i++) assertThat(limiter.acquire("a").allowed()).isTrue();
    RateLimiter.Decision refused = limiter.acquire("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(limiter.acquire("b").allowed()).as("another client has its own bucket").isTrue();
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
  }

  @Test
  void clockReadingsThatArriveOutOfOrderNeitherTakeNorGiveTokens() {
    // Two threads read the clock, the later reading is applied first: the earlier one must not
    // count as negative time (taking a token) nor move the bucket's time back (giving it later).
    AtomicLong now = new AtomicLong(10_000_000_000L);
    RateLimiter limiter = new RateLimiter(60, 3, MB, now::get);
    assertThat(limiter.acquire("a").allowed()).isTrue();
    now.set(9_000_000_000L);
    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).as("a burst of three is three").isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
    now.set(10_000_000_000L);
    assertThat(limiter.acquire("a").allowed())
        .as("no refill for the second the clock went back")
        .isFalse();
  }

  @Test
  void aFloodOfKeysStaysWithinTheByteBound() {
    AtomicLong now = new AtomicLong();
    long bound = 64 * 1024;
    RateLimiter limiter = new RateLimiter(60, 3, bound, now::get);
    for (int i = 0; i < 100_000; i++) {
      limiter.acquire("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
      now.addAndGet(1000);
    }
    assertThat(limiter.weightedBytes()).isPositive().isLessThanOrEqualTo(bound);
    assertThat(limiter.buckets()).isLessThanOrEqualTo(bound / RateLimiter.BYTES_PER_BUCKET);
  }

  @Test
  void idleBucketsAreDroppedOnceFullAgain() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(60, 3, MB, now::get); // full again after 3 s
    for (int i = 0; i < 1000; i++) limiter.acquire("client-" + i);
    assertThat(limiter.buckets()).isEqualTo(1000);
    now.addAndGet(3_000_000_001L);
    assertThat(limiter.buckets()).isZero();
    assertThat(limiter.weightedBytes()).isZero();
    // The client comes back to a full bucket, as it would have had anyway.
    for (int i = 0; i < 3; i++) assertThat(limiter.acquire("client-1").allowed()).isTrue();
    assertThat(limiter.acquire("client-1").allowed()).isFalse();
  }
}
