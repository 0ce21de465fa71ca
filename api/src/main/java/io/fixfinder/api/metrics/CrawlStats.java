package io.fixfinder.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last crawl run as Prometheus gauges: {@code fixfinder_crawl_pages{outcome}} (every URL ends
 * as one outcome: fetched, not modified, gone, skipped robots, filtered, too large, unsupported
 * type, failed), {@code fixfinder_crawl_page_outcomes{outcome}} (every fetched page ends as one of
 * stored, aliased, listing, no content, error, unchanged), {@code
 * fixfinder_crawl_reasons{outcome,reason}} (the 50 commonest reasons of either), {@code
 * fixfinder_crawl_records}, {@code fixfinder_crawl_duration_seconds} and {@code
 * fixfinder_crawl_finished_timestamp_seconds}. No series at all before the first crawl.
 *
 * <p>The source is the summary file the crawl pipeline writes atomically at the end of a run
 * ({@code crawl/last-run.json}: {@code {"finishedAt": ISO-8601, "seconds": n, "counters":
 * {"fetched": n, "failed: http 500": n, "records": n, ...}}}); it is re-read only when its
 * modification time changes, so a scrape costs one {@code stat}.
 */
public final class CrawlStats {
  static final int MAX_REASONS = 50;

  /** One finished run. Counter keys are the crawl's: "fetched", "failed: http 500", "records". */
  public record Run(Instant finishedAt, double seconds, Map<String, Long> counters) {
    public Run {
      counters = Map.copyOf(counters);
    }
  }

  private final Supplier<Optional<Run>> source;

  /**
   * Prefix of the crawl's page-outcome keys ("page stored", "page no content: too little text").
   */
  static final String PAGE = "page ";

  private MultiGauge pages;
  private MultiGauge pageOutcomes;
  private MultiGauge reasons;
  private MultiGauge records;
  private MultiGauge duration;
  private MultiGauge finished;
  private Run shown;

  private CrawlStats(Supplier<Optional<Run>> source) {
    this.source = source;
  }

  /** Reads the summary file at {@code file} (absent until a crawl has finished). */
  public static CrawlStats fromFile(Path file) {
    return new CrawlStats(new FileSource(file));
  }

  /** Shows runs from {@code source} (an in-process crawl, a test). */
  public static CrawlStats from(Supplier<Optional<Run>> source) {
    return new CrawlStats(source);
  }

  /** No crawl information: no crawl series. */
  public static CrawlStats none() {
    return new CrawlStats(Optional::empty);
  }

  public void bindTo(MeterRegistry registry) {
    pages =
        MultiGauge.builder("fixfinder.crawl.pages")
            .description("URLs of the last crawl run by outcome")
            .register(registry);
    pageOutcomes =
        MultiGauge.builder("fixfinder.crawl.page.outcomes")
            .description("Fetched pages of the last crawl run by how they ended")
            .register(registry);
    reasons =
        MultiGauge.builder("fixfinder.crawl.reasons")
            .description("URLs of the last crawl run by outcome and reason (the commonest)")
            .register(registry);
    records =
        MultiGauge.builder("fixfinder.crawl.records")
            .description("Records written by the last crawl run")
            .register(registry);
    duration =
        MultiGauge.builder("fixfinder.crawl.duration")
            .baseUnit("seconds")
            .description("Wall time of the last crawl run")
            .register(registry);
    finished =
        MultiGauge.builder("fixfinder.crawl.finished.timestamp")
            .baseUnit("seconds")
            .description("When the last crawl run finished, in Unix seconds")
            .register(registry);
  }

  /** Brings the gauges up to date with the source; call before each scrape. */
  public synchronized void refresh() {
    Optional<Run> run = source.get();
    if (pages == null || run.orElse(null) == shown) return;
    shown = run.orElse(null);
    List<MultiGauge.Row<?>> pageRows = new ArrayList<>();
    List<MultiGauge.Row<?>> pageOutcomeRows = new ArrayList<>();
    List<MultiGauge.Row<?>> reasonRows = new ArrayList<>();
    List<MultiGauge.Row<?>> recordRows = new ArrayList<>();
    List<MultiGauge.Row<?>> durationRows = new ArrayList<>();
    List<MultiGauge.Row<?>> finishedRows = new ArrayList<>();
    if (shown != null) {
      List<Map.Entry<String, Long>> byReason = new ArrayList<>();
      shown
          .counters()
          .forEach(
              (key, value) -> {
                if (key.equals("records")) {
                  recordRows.add(MultiGauge.Row.of(Tags.empty(), value));
                } else if (key.contains(": ")) {
                  byReason.add(Map.entry(key, value));
                } else if (key.startsWith(PAGE)) {
                  pageOutcomeRows.add(
                      MultiGauge.Row.of(
                          Tags.of("outcome", label(key.substring(PAGE.length()))), value));
                } else {
                  pageRows.add(MultiGauge.Row.of(Tags.of("outcome", label(key)), value));
                }
              });
      byReason.stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(MAX_REASONS)
          .forEach(
              e -> {
                int sep = e.getKey().indexOf(": ");
                String outcome = e.getKey().substring(0, sep);
                if (outcome.startsWith(PAGE)) outcome = outcome.substring(PAGE.length());
                reasonRows.add(
                    MultiGauge.Row.of(
                        Tags.of("outcome", label(outcome), "reason", e.getKey().substring(sep + 2)),
                        e.getValue()));
              });
      durationRows.add(MultiGauge.Row.of(Tags.empty(), shown.seconds()));
      finishedRows.add(MultiGauge.Row.of(Tags.empty(), shown.finishedAt().toEpochMilli() / 1000.0));
    }
    pages.register(pageRows, true);
    pageOutcomes.register(pageOutcomeRows, true);
    reasons.register(reasonRows, true);
    records.register(recordRows, true);
    duration.register(durationRows, true);
    finished.register(finishedRows, true);
  }

  /** "not modified" becomes "not_modified": label values that read well in PromQL. */
  private static String label(String outcome) {
    return outcome.strip().replace(' ', '_');
  }

  /** Parses a summary file's content; empty when it is not a summary. */
  static Optional<Run> parse(byte[] json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (node == null || !node.isObject() || !node.path("counters").isObject()) {
        return Optional.empty();
      }
      Map<String, Long> counters = new LinkedHashMap<>();
      node.get("counters")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().canConvertToLong())
                  counters.put(e.getKey(), e.getValue().asLong());
              });
      return Optional.of(
          new Run(
              Instant.parse(node.path("finishedAt").asText("1970-01-01T00:00:00Z")),
              node.path("seconds").asDouble(0),
              counters));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The summary file, re-read only when its modification time changes. */
  private static final class FileSource implements Supplier<Optional<Run>> {
    private final Path file;
    private FileTime seen;
    private Optional<Run> run = Optional.empty();

    FileSource(Path file) {
      this.file = file;
    }

    @Override
    public synchronized Optional<Run> get() {
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(seen)) {
          seen = modified;
          run = parse(Files.readAllBytes(file));
        }
      } catch (IOException e) {
        seen = null;
        run = Optional.empty();
      }
      return run;
    }
  }
}
