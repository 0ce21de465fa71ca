package io.fixfinder.api.protect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key: {@code burst} tokens, refilled at {@code perMinute} per minute.
 *
 * <p>The buckets live in a Caffeine cache bounded by their estimated size in bytes, so a flood of
 * distinct keys costs at most {@code maxBytes} and every lookup stays O(1). A bucket idle for as
 * long as a full refill takes is full again, so dropping it then loses nothing; under a flood that
 * fills the bound, the least recently used go first and their clients start again with a full
 * bucket (a bounded gift of at most {@code burst} requests, better than unbounded memory).
 */
public final class RateLimiter {
  /**
   * Heap per bucket beside its key's characters: the cache's node with its access-order links and
   * timestamps, the bucket, the key's String and array headers (measured under a flood,
   * docs/reliability.md).
   */
  static final int BYTES_PER_BUCKET = 200;

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

  private final Cache<String, Bucket> buckets;
  private final double perNano;
  private final int burst;
  private final LongSupplier clock;

  /**
   * @param maxBytes the most the buckets may hold, by {@link #weigh}
   * @param nanoClock the time, also for expiry (tests move it)
   */
  public RateLimiter(int perMinute, int burst, long maxBytes, LongSupplier nanoClock) {
    this.perNano = perMinute / 60e9;
    this.burst = burst;
    this.clock = nanoClock;
    long refillNanos = (long) Math.ceil(burst / perNano);
    this.buckets =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String key, Bucket b) -> weigh(key))
            .expireAfterAccess(Duration.ofNanos(Math.max(1, refillNanos)))
            .ticker(nanoClock::getAsLong)
            // Upkeep on the calling thread: the bound holds when acquire returns, not later.
            .executor(Runnable::run)
            .build();
  }

  static int weigh(String key) {
    return BYTES_PER_BUCKET + 2 * key.length();
  }

  public Decision acquire(String key) {
    long now = clock.getAsLong();
    Bucket bucket = buckets.get(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      // Another thread may have read a later clock and got here first: no negative time, and the
      // bucket's time never goes back (which would count the same interval twice).
      long elapsed = Math.max(0, now - bucket.updatedNanos);
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perNano);
      bucket.updatedNanos = Math.max(bucket.updatedNanos, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision(true, 0);
      }
      long wait = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
      return new Decision(false, Math.max(1, wait));
    }
  }

  /** The estimated bytes the buckets hold now (for /metrics and the flood test). */
  public long weightedBytes() {
    buckets.cleanUp();
    return buckets.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  /** Buckets held now. */
  public long buckets() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
