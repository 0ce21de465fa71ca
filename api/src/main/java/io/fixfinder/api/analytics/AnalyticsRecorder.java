package io.fixfinder.api.analytics;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.analytics.QueryText;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts in memory, written by {@link #flush} (every {@code flushEvery} once {@link #start}ed):
 * recording is a map update under a lock held for microseconds, so it neither slows nor can fail a
 * search; a database that is down loses the counts of that flush (logged and counted in {@link
 * #dropped}), never a request. At most {@value #MAX_TEXTS} distinct texts are held between two
 * flushes: beyond, a search still counts in its day's totals, its text is not kept.
 *
 * <p>Once per UTC day (at the first flush of a new day, and at start) the store rolls the closed
 * days up: texts under the minimum count go, and everything past its retention.
 */
public final class AnalyticsRecorder implements AutoCloseable {
  /** How the recorder keeps and rolls up its counts ({@code dashboard.*}). */
  public record Settings(
      int minQueryCount, int queryRetentionDays, int retentionDays, Duration flushEvery) {}

  static final int MAX_TEXTS = 50_000;

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRecorder.class);

  private record DayKey(String tenant, LocalDate day) {}

  private record TextKey(String tenant, LocalDate day, String query) {}

  private record IssueKey(String tenant, LocalDate day, String issue) {}

  private final AnalyticsStore store;
  private final DashboardSessions sessions;
  private final Settings settings;
  private final Clock clock;
  private final Object lock = new Object();
  private Map<DayKey, long[]> days = new HashMap<>();
  private Map<TextKey, long[]> texts = new HashMap<>();
  private Map<IssueKey, long[]> issues = new HashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private volatile LocalDate rolledUp = LocalDate.MIN;
  private ScheduledExecutorService timer;

  public AnalyticsRecorder(
      AnalyticsStore store, DashboardSessions sessions, Settings settings, Clock clock) {
    this.store = store;
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock;
  }

  /** Flushes every {@code flushEvery} on a daemon thread until {@link #close}. */
  public AnalyticsRecorder start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "analytics-flush");
              t.setDaemon(true);
              return t;
            });
    long ms = settings.flushEvery().toMillis();
    timer.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * A search made with the tenant's key.
   *
   * @param issueIds the issue groups the response showed
   */
  public void search(String tenantId, String rawQuery, boolean answered, List<String> issueIds) {
    LocalDate day = today();
    String text = QueryText.normalise(rawQuery).orElse(null);
    synchronized (lock) {
      long[] d = days.computeIfAbsent(new DayKey(tenantId, day), k -> new long[3]);
      d[0]++;
      if (!answered) d[1]++;
      if (text != null
          && (texts.size() < MAX_TEXTS || texts.containsKey(key(tenantId, day, text)))) {
        long[] t = texts.computeIfAbsent(key(tenantId, day, text), k -> new long[2]);
        t[0]++;
        if (!answered) t[1]++;
      }
      for (String issue : issueIds) issue(tenantId, day, issue)[0]++;
    }
  }

  /** An issue fetched with the tenant's key: the click signal. */
  public void opened(String tenantId, String issueId) {
    LocalDate day = today();
    synchronized (lock) {
      days.computeIfAbsent(new DayKey(tenantId, day), k -> new long[3])[2]++;
      issue(tenantId, day, issueId)[1]++;
    }
  }

  /** A "did this fix it?" vote on an issue cast with the tenant's key. */
  public void vote(String tenantId, String issueId, Answer answer) {
    LocalDate day = today();
    synchronized (lock) {
      long[] i = issue(tenantId, day, issueId);
      switch (answer) {
        case YES -> i[2]++;
        case NO -> i[3]++;
        case PARTLY -> i[4]++;
      }
    }
  }

  private static TextKey key(String tenant, LocalDate day, String text) {
    return new TextKey(tenant, day, text);
  }

  private long[] issue(String tenant, LocalDate day, String issue) {
    return issues.computeIfAbsent(new IssueKey(tenant, day, issue), k -> new long[5]);
  }

  /** Writes what was counted since the last flush, and rolls closed days up once a day. */
  public void flush() {
    Map<DayKey, long[]> d;
    Map<TextKey, long[]> t;
    Map<IssueKey, long[]> i;
    synchronized (lock) {
      d = days;
      t = texts;
      i = issues;
      days = new HashMap<>();
      texts = new HashMap<>();
      issues = new HashMap<>();
    }
    List<AnalyticsStore.DayCount> dayCounts = new ArrayList<>();
    d.forEach(
        (k, v) ->
            dayCounts.add(new AnalyticsStore.DayCount(k.tenant(), k.day(), v[0], v[1], v[2])));
    List<AnalyticsStore.QueryCount> queryCounts = new ArrayList<>();
    t.forEach(
        (k, v) ->
            queryCounts.add(
                new AnalyticsStore.QueryCount(k.tenant(), k.day(), k.query(), v[0], v[1])));
    List<AnalyticsStore.IssueCount> issueCounts = new ArrayList<>();
    i.forEach(
        (k, v) ->
            issueCounts.add(
                new AnalyticsStore.IssueCount(
                    k.tenant(), k.day(), k.issue(), v[0], v[1], v[2], v[3], v[4])));
    try {
      store.add(new AnalyticsStore.Batch(dayCounts, queryCounts, issueCounts));
    } catch (RuntimeException e) {
      dropped.addAndGet(dayCounts.stream().mapToLong(AnalyticsStore.DayCount::searches).sum());
      throw e;
    }
    LocalDate today = today();
    if (!today.equals(rolledUp)) {
      store.rollUp(
          today, settings.minQueryCount(), settings.queryRetentionDays(), settings.retentionDays());
      sessions.purgeExpired();
      rolledUp = today;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("analytics counts not written: {}", e.getMessage());
    }
  }

  /** Searches whose counts were lost because the database refused a flush. */
  public long dropped() {
    return dropped.get();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Stops the timer and writes what is left. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flushQuietly();
  }
}
