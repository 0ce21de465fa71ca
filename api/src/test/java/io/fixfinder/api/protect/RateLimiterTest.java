package io.fixfinder.api.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void burstThenRefillPerClient() {
    AtomicLong now = new AtomicLong();
    RateLimiter limiter = new RateLimiter(60, 3, now::get); // one a second, three at once
    for (int i = 0; i < 3; i++) assertThat(limiter.acquire("a").allowed()).isTrue();
    RateLimiter.Decision refused = limiter.acquire("a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(limiter.acquire("b").allowed()).as("another client has its own bucket").isTrue();
    now.addAndGet(1_000_000_000L);
    assertThat(limiter.acquire("a").allowed()).isTrue();
    assertThat(limiter.acquire("a").allowed()).isFalse();
  }
}
