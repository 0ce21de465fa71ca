package io.fixfinder.core.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a progress line for long work: done, rate, what is left and an ETA. Used by crawl, index
 * and import so they all read the same.
 */
public final class Progress implements AutoCloseable {
  private final String what;
  private final String unit;
  private final LongSupplier done;
  private final LongSupplier left;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  public Progress(
      String what,
      String unit,
      LongSupplier done,
      LongSupplier left,
      PrintStream out,
      Duration every) {
    this.what = what;
    this.unit = unit;
    this.done = done;
    this.left = left;
    this.out = out;
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

  public String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long n = done.getAsLong();
    long remaining = left.getAsLong();
    double rate = n / seconds;
    String eta =
        rate > 0 && remaining >= 0
            ? format(Duration.ofSeconds((long) Math.ceil(remaining / rate)))
            : "?";
    return String.format(
        java.util.Locale.ROOT,
        "%s: %d %s (%.1f %s/s), %s left, ETA %s",
        what,
        n,
        unit,
        rate,
        unit,
        remaining >= 0 ? Long.toString(remaining) : "?", // a negative count means "not known"
        eta);
  }

  private static String format(Duration d) {
    return String.format(java.util.Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
