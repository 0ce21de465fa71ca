package io.fixfinder.api.protect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key: {@code burst} tokens, refilled at {@code perMinute} per minute.
 * Idle buckets are dropped when the map grows, so a flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {
  private static final int MAX_BUCKETS = 100_000;

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }
  }

  /** The answer for one request: allowed, or refused with the seconds until a token is back. */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final double perNano;
  private final int burst;
  private final LongSupplier clock;

  public RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
    this.perNano = perMinute / 60e9;
    this.burst = burst;
    this.clock = nanoClock;
  }

  public Decision acquire(String key) {
    long now = clock.getAsLong();
    if (buckets.size() > MAX_BUCKETS) evictIdle(now);
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedNanos) * perNano);
      bucket.updatedNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision(true, 0);
      }
      long wait = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
      return new Decision(false, Math.max(1, wait));
    }
  }

  private void evictIdle(long now) {
    long full = (long) (burst / perNano);
    buckets.entrySet().removeIf(e -> now - e.getValue().updatedNanos > full);
  }
}
