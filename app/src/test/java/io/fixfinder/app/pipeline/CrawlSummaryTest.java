package io.fixfinder.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.crawler.run.CrawlCounters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the crawl pipeline writes at the end of a run is what /metrics of another process shows. */
class CrawlSummaryTest {
  @TempDir Path dir;

  @Test
  void summaryWrittenByTheCrawlIsReadByTheApi() throws Exception {
    DataLayout layout = new DataLayout(dir);
    CrawlCounters counters = new CrawlCounters();
    for (int i = 0; i < 3; i++) counters.count(CrawlCounters.Outcome.FETCHED);
    counters.count(CrawlCounters.Outcome.FAILED, "http 500");
    counters.count(CrawlCounters.Outcome.SKIPPED_ROBOTS);
    counters.page(new io.fixfinder.crawler.run.PageOutcome.Stored(2, 0));
    counters.page(new io.fixfinder.crawler.run.PageOutcome.Listing());
    counters.page(new io.fixfinder.crawler.run.PageOutcome.NoContent("too little text"));

    CrawlPipeline.writeSummary(
        layout.crawlSummary(),
        counters,
        12.3456,
        new io.fixfinder.crawler.run.CrawlVerdict.Productive());

    assertThat(layout.crawlSummary()).isEqualTo(dir.resolve("crawl/last-run.json"));
    assertThat(Files.exists(dir.resolve("crawl/last-run.json.tmp"))).isFalse();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CrawlStats stats = CrawlStats.fromFile(layout.crawlSummary());
    stats.bindTo(registry);
    stats.refresh();
    assertThat(registry.scrape())
        .contains("fixfinder_crawl_pages{outcome=\"fetched\"} 3.0")
        .contains("fixfinder_crawl_pages{outcome=\"skipped_robots\"} 1.0")
        .contains("fixfinder_crawl_pages{outcome=\"failed\"} 1.0")
        .contains("fixfinder_crawl_reasons{outcome=\"failed\",reason=\"http 500\"} 1.0")
        .contains("fixfinder_crawl_page_outcomes{outcome=\"stored\"} 1.0")
        .contains("fixfinder_crawl_page_outcomes{outcome=\"listing\"} 1.0")
        .contains("fixfinder_crawl_page_outcomes{outcome=\"no_content\"} 1.0")
        .contains("fixfinder_crawl_reasons{outcome=\"no_content\",reason=\"too little text\"} 1.0")
        .doesNotContain("fixfinder_crawl_pages{outcome=\"page")
        .contains("fixfinder_crawl_records 2.0")
        .contains("fixfinder_crawl_duration_seconds 12.346");
  }
}
