package io.fixfinder.crawler.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-outcome counters of a crawl: every URL ends as exactly one outcome, and the reason is kept
 * ("failed: http 500", "filtered: private address"). Thread-safe.
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

  public void count(Outcome outcome) {
    counts.computeIfAbsent(key(outcome), k -> new LongAdder()).increment();
  }

  public void count(Outcome outcome, String reason) {
    count(outcome);
    counts.computeIfAbsent(key(outcome) + ": " + reason, k -> new LongAdder()).increment();
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
