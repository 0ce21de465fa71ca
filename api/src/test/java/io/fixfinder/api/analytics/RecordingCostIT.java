package io.fixfinder.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.analytics.QueryText;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What recording costs a keyed search (docs/benchmarks.md, "Company dashboard"): the recorder's
 * {@code search} call on 1 and on 16 threads at once over Zipf-drawn texts, beside the baseline in
 * the same run of the same loop doing only the text normalisation every recorded search needs, then
 * the flush that writes the counts to SQLite. Prints the figures; asserts only that every search
 * was counted.
 */
class RecordingCostIT {
  static final int TEXTS = 5_000;
  static final int PER_THREAD = 25_000;

  @TempDir Path dir;

  @Test
  void recordingASearchCostsMicrosecondsAndEveryOneIsCounted() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < TEXTS; i++) {
      texts.add("Washing machine won't drain, fault " + Integer.toString(i, 36));
    }
    int[] draws = zipf(TEXTS, 1 << 16, 7L);
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"))) {
      MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
      AnalyticsStore store = new AnalyticsStore(db);
      TenantStore tenants = new TenantStore(db, new SecretBox(new byte[32]), clock);
      AtomicLong sink = new AtomicLong();
      for (int threads : new int[] {1, 16}) {
        AnalyticsRecorder recorder =
            new AnalyticsRecorder(
                store,
                new DashboardSessions(db, clock),
                new AnalyticsRecorder.Settings(5, 30, 400, Duration.ofSeconds(5)),
                clock);
        String tenant =
            tenants
                .create(
                    new TenantRules(Lexicon.builtIn())
                        .check(
                            new TenantSpec(
                                "T" + threads,
                                List.of("Aqualine"),
                                List.of(),
                                List.of(),
                                100,
                                1000)))
                .tenant()
                .id();
        List<String> issues = List.of("iss-a", "iss-b", "iss-c");
        for (int round = 0; round < 2; round++) { // the first round warms up
          double base =
              run(
                  threads,
                  i ->
                      sink.addAndGet(QueryText.normalise(texts.get(draws[i])).orElse("").length()));
          double record =
              run(threads, i -> recorder.search(tenant, texts.get(draws[i]), i % 7 != 0, issues));
          if (round == 1) {
            System.out.printf(
                Locale.ROOT,
                "recording, %d thread(s): %.2f us of wall time a search (normalising the text alone:"
                    + " %.2f us)%n",
                threads,
                record,
                base);
          }
        }
        long f0 = System.nanoTime();
        recorder.flush();
        System.out.printf(
            Locale.ROOT,
            "flush of %,d searches on %d thread(s): %.0f ms%n",
            2L * threads * PER_THREAD,
            threads,
            (System.nanoTime() - f0) / 1e6);
        LocalDate day = LocalDate.parse("2026-03-10");
        assertThat(store.days(tenant, day, day))
            .singleElement()
            .satisfies(d -> assertThat(d.searches()).isEqualTo(2L * threads * PER_THREAD));
        recorder.close();
      }
      assertThat(sink.get()).isPositive();
    }
  }

  interface Step {
    void at(int i);
  }

  /**
   * Microseconds of the machine per call of {@code step}: the wall time of {@code threads} threads
   * started together over the calls they made (with more threads than cores, a thread's own elapsed
   * time would count its waits for a core).
   */
  static double run(int threads, Step step) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 4099;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < PER_THREAD; i++) step.at((offset + i) & 0xFFFF);
              });
      th.start();
      all.add(th);
    }
    long s = System.nanoTime();
    start.countDown();
    for (Thread th : all) th.join();
    return (System.nanoTime() - s) / 1e3 / ((double) threads * PER_THREAD);
  }

  /** {@code n} draws of ranks 0..size-1 by a Zipf law (s = 1), as people repeat a few searches. */
  static int[] zipf(int size, int n, long seed) {
    double[] cdf = new double[size];
    double sum = 0;
    for (int k = 0; k < size; k++) cdf[k] = sum += 1.0 / (k + 1);
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble() * sum;
      int lo = 0;
      int hi = size - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      out[i] = lo;
    }
    return out;
  }
}
