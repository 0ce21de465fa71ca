package io.fixfinder.crawler.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-outcome counters of a crawl: every URL ends as exactly one outcome, and the reason is kept
 * ("failed: http 500", "filtered: private address"). Every fetched page also ends in one {@link
 * PageOutcome}, kept under the keys "page stored", "page no content: too little text" and so on, so
 * the page outcomes add up to "fetched". Thread-safe.
 */
public final class CrawlCounters {
  /** The outcomes a URL can have. */
  public enum Outcome {
    FETCHED,
    NOT_MODIFIED,
    GONE,
    SKIPPED_ROBOTS,
    FILTERED,
    TOO_LARGE,
    UNSUPPORTED_TYPE,
    FAILED
  }

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder records = new LongAdder();
  private final Map<String, LongAdder> stageNanos = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong firstPage =
      new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
  private final java.util.concurrent.atomic.AtomicLong lastPage =
      new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

  /** Adds time spent in a stage ("parse", "extract"), summed over threads. */
  public void time(String stage, long nanos) {
    stageNanos.computeIfAbsent(stage, k -> new LongAdder()).add(nanos);
  }

  public long nanos(String stage) {
    LongAdder adder = stageNanos.get(stage);
    return adder == null ? 0 : adder.sum();
  }

  /** Records that a page was handed over now; the span first..last gives the crawl's page rate. */
  public void pageAt(long nanoTime) {
    firstPage.accumulateAndGet(nanoTime, Math::min);
    lastPage.accumulateAndGet(nanoTime, Math::max);
  }

  /** Seconds from the first to the last page handed over (0 with fewer than two pages). */
  public double pageSpanSeconds() {
    long first = firstPage.get();
    long last = lastPage.get();
    return last > first ? (last - first) / 1e9 : 0;
  }

  public void count(Outcome outcome) {
    counts.computeIfAbsent(key(outcome), k -> new LongAdder()).increment();
  }

  public void count(Outcome outcome, String reason) {
    count(outcome);
    counts.computeIfAbsent(key(outcome) + ": " + reason, k -> new LongAdder()).increment();
  }

  private final java.util.Set<Long> seenRejections = ConcurrentHashMap.newKeySet();

  /**
   * Counts a rejected URL once, however many pages link to it (crawler4j asks about every link).
   */
  public void countUrlOnce(Outcome outcome, String reason, String url) {
    long key = ((long) url.hashCode() << 32) ^ (url.length() * 31L + outcome.ordinal());
    if (seenRejections.add(key)) {
      if (reason.isEmpty()) count(outcome);
      else count(outcome, reason);
    }
  }

  /** Prefix of the page-outcome keys in {@link #snapshot()}. */
  public static final String PAGE = "page ";

  /**
   * Counts how a fetched page ended; a page that stored records adds them to {@link #records()}.
   */
  public void page(PageOutcome outcome) {
    String key = PAGE + outcome.label();
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (!outcome.reason().isEmpty()) {
      counts.computeIfAbsent(key + ": " + outcome.reason(), k -> new LongAdder()).increment();
    }
    if (outcome instanceof PageOutcome.Stored stored) records.add(stored.records());
  }

  /** How many fetched pages ended with this outcome label ("stored", "no content"). */
  public long pages(String label) {
    LongAdder adder = counts.get(PAGE + label);
    return adder == null ? 0 : adder.sum();
  }

  public void records(int n) {
    records.add(n);
  }

  public long get(Outcome outcome) {
    LongAdder adder = counts.get(key(outcome));
    return adder == null ? 0 : adder.sum();
  }

  public long records() {
    return records.sum();
  }

  /** Outcome totals and, indented below each, its reasons. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    out.put("records", records.sum());
    return out;
  }

  private static String key(Outcome outcome) {
    return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
