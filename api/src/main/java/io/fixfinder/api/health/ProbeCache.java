package io.fixfinder.api.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last result of a costly check, kept for {@code ttl}: callers at any rate cost at most one
 * check per {@code ttl}, and callers that arrive while a check runs wait for that one instead of
 * starting their own.
 */
final class ProbeCache<T> {
  private record Result<T>(T value, long atNanos) {}

  private final Supplier<T> probe;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong probes = new AtomicLong();
  private volatile Result<T> last;
  private CompletableFuture<T> running; // guarded by this

  ProbeCache(Supplier<T> probe, Duration ttl, LongSupplier nanoClock) {
    this.probe = probe;
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  T get() {
    T fresh = fresh();
    if (fresh != null) return fresh;
    CompletableFuture<T> result;
    boolean mine = false;
    synchronized (this) {
      fresh = fresh();
      if (fresh != null) return fresh;
      if (running == null) {
        running = new CompletableFuture<>();
        mine = true;
      }
      result = running;
    }
    if (mine) {
      try {
        probes.incrementAndGet();
        T value = probe.get();
        last = new Result<>(value, nanoClock.getAsLong());
        result.complete(value);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        throw e;
      } finally {
        synchronized (this) {
          running = null;
        }
      }
    }
    return result.join();
  }

  private T fresh() {
    Result<T> r = last;
    return r != null && nanoClock.getAsLong() - r.atNanos() < ttlNanos ? r.value() : null;
  }

  /** Checks run so far (for tests). */
  long probes() {
    return probes.get();
  }
}
