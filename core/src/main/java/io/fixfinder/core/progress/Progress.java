package io.fixfinder.core.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prints a progress line for long work: done of discovered, what is left, the rate over the last
 * {@link Estimator#WINDOW} and an ETA from it. Used by crawl, index and import so they all read the
 * same. When the known work is still growing (a crawl finding links) the line says so and the ETA
 * is a lower bound, instead of a precise-looking number that is wrong.
 */
public final class Progress implements AutoCloseable {
  /** Work done and work discovered so far ({@code discovered < 0}: not known), read together. */
  public record Counts(long done, long discovered) {}

  private final String what;
  private final String unit;
  private final Supplier<Counts> counts;
  private final LongSupplier nanoClock;
  private final Estimator estimator;
  private final ScheduledExecutorService timer;

  /**
   * Work whose total is {@code done + left} ({@code left < 0}: not known), printed to {@code out}
   * every {@code every}.
   */
  public Progress(
      String what,
      String unit,
      LongSupplier done,
      LongSupplier left,
      PrintStream out,
      Duration every) {
    this(what, unit, fromLeft(done, left), System::nanoTime, new Estimator(), out, every);
  }

  private static Supplier<Counts> fromLeft(LongSupplier done, LongSupplier left) {
    return () -> {
      long d = done.getAsLong();
      long l = left.getAsLong();
      return new Counts(d, l < 0 ? -1 : d + l);
    };
  }

  /**
   * Work that is discovered while it is done (a crawl's frontier), printed every {@code every}.
   *
   * @param counts done, then discovered (read in that order: both only grow)
   */
  public static Progress discovering(
      String what, String unit, Supplier<Counts> counts, PrintStream out, Duration every) {
    return new Progress(what, unit, counts, System::nanoTime, new Estimator(), out, every);
  }

  /** Without a timer: lines only on {@link #line()}, on the given clock (tests). */
  public static Progress manual(
      String what, String unit, Supplier<Counts> counts, LongSupplier nanoClock, Duration window) {
    return new Progress(what, unit, counts, nanoClock, new Estimator(window), null, Duration.ZERO);
  }

  private Progress(
      String what,
      String unit,
      Supplier<Counts> counts,
      LongSupplier nanoClock,
      Estimator estimator,
      PrintStream out,
      Duration every) {
    this.what = what;
    this.unit = unit;
    this.counts = counts;
    this.nanoClock = nanoClock;
    this.estimator = estimator;
    sample(); // the start: the first window's rate is measured from here
    if (out == null) {
      this.timer = null;
      return;
    }
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, what + "-progress");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    timer.scheduleAtFixedRate(() -> out.println(line()), ms, ms, TimeUnit.MILLISECONDS);
  }

  private Estimator.Estimate sample() {
    Counts c = counts.get();
    return estimator.observe(nanoClock.getAsLong(), c.done(), c.discovered());
  }

  /** Samples now and formats the line. */
  public String line() {
    return format(what, unit, sample());
  }

  static String format(String what, String unit, Estimator.Estimate e) {
    String rate = String.format(Locale.ROOT, "%.1f %s/s", e.perSecond(), unit);
    if (e.discovered() < 0) {
      return String.format(Locale.ROOT, "%s: %d %s done, %s", what, e.done(), unit, rate);
    }
    if (e.discovered() == 0) return what + ": nothing scheduled yet";
    String eta = e.eta().map(Progress::clock).orElse("?");
    if (e.growing()) {
      // More work is being found: what is left and the ETA are lower bounds.
      return String.format(
          Locale.ROOT,
          "%s: %d of %d+ %s done, %d+ left (still discovering), %s, ETA %s",
          what,
          e.done(),
          e.discovered(),
          unit,
          e.left(),
          rate,
          e.eta().isPresent() ? "at least " + eta : eta);
    }
    return String.format(
        Locale.ROOT,
        "%s: %d of %d %s done, %d left, %s, ETA %s",
        what,
        e.done(),
        e.discovered(),
        unit,
        e.left(),
        rate,
        eta);
  }

  private static String clock(Duration d) {
    long seconds = (d.toMillis() + 999) / 1000;
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
