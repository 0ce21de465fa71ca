package io.fixfinder.core.progress;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Turns a stream of (time, done, discovered) samples into a rate and an ETA that converge: the rate
 * is measured over the last {@code window} only, so a crawl that slows down (a politeness delay, a
 * slow host) or speeds up is reflected within one window, where an average since the start would
 * lag for the rest of the run. While the known work is still growing the ETA is a lower bound and
 * says so. Time comes from the caller (a clock in tests), never from here. Thread-safe.
 */
public final class Estimator {
  /** How far back the rate looks; long enough to smooth bursts, short enough to follow a change. */
  public static final Duration WINDOW = Duration.ofSeconds(30);

  private record Sample(long nanos, long done, long discovered) {}

  /** What is known at one instant. {@code discovered < 0} means the total is not known. */
  public record Estimate(
      long done, long discovered, double perSecond, boolean growing, Optional<Duration> eta) {
    /** Work known and not done yet; -1 when the total is not known. */
    public long left() {
      return discovered < 0 ? -1 : Math.max(0, discovered - done);
    }
  }

  private final long windowNanos;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  public Estimator(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    this.windowNanos = window.toNanos();
  }

  public Estimator() {
    this(WINDOW);
  }

  /**
   * Adds a sample taken at {@code nanos} and returns the estimate at that instant. {@code
   * discovered} must have been read after {@code done} (both only grow), so that work in progress
   * is never shown as "0 left".
   */
  public synchronized Estimate observe(long nanos, long done, long discovered) {
    Sample now = new Sample(nanos, done, discovered);
    samples.addLast(now);
    // Keep one sample at or beyond the window's start, so the rate spans a full window.
    while (samples.size() > 2) {
      var it = samples.iterator();
      it.next();
      Sample second = it.next();
      if (nanos - second.nanos() >= windowNanos) samples.removeFirst();
      else break;
    }
    Sample oldest = samples.peekFirst();
    double seconds = (nanos - oldest.nanos()) / 1e9;
    double rate = seconds > 0 ? Math.max(0, done - oldest.done()) / seconds : 0;
    long left = discovered < 0 ? -1 : Math.max(0, discovered - done);
    // With nothing left there is nothing more to find from: the work is done, not growing.
    boolean growing = left > 0 && discovered > oldest.discovered();
    Optional<Duration> eta =
        left == 0
            ? Optional.of(Duration.ZERO)
            : left > 0 && rate > 0
                ? Optional.of(Duration.ofMillis((long) Math.ceil(left / rate * 1000)))
                : Optional.empty(); // nothing done within the window: no honest ETA
    return new Estimate(done, discovered, rate, growing, eta);
  }
}
