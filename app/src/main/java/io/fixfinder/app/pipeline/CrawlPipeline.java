package io.fixfinder.app.pipeline;

import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.dedup.Duplicates;
import io.fixfinder.crawler.fetch.crawler4j.Crawler4jEngine;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.run.CrawlVerdict;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.crawler.youtube.FixQueries;
import io.fixfinder.crawler.youtube.QuotaLedger;
import io.fixfinder.crawler.youtube.YouTubeSource;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Crawl sites and videos into the record log: the part of demo and crawl they share. */
public final class CrawlPipeline {
  private final FixFinderConfig config;
  private final DataLayout data;
  private final PrintStream out;
  private final Keying keying = new Keying(KeyExtractor.builtIn());

  public CrawlPipeline(FixFinderConfig config, DataLayout data, PrintStream out) {
    this.config = config;
    this.data = data;
    this.out = out;
  }

  /** The YouTube part of a crawl: where the API is and the key to use. */
  public record YouTubeRun(String rootUrl, String apiKey) {}

  public CrawlCounters run(List<SiteConfig> sites, Optional<YouTubeRun> youtube)
      throws IOException, InterruptedException {
    CrawlCounters counters = new CrawlCounters();
    long start = System.nanoTime();
    try (RecordLog log = RecordLog.openForAppend(data.records())) {
      if (!sites.isEmpty()) {
        Crawler4jEngine engine =
            new Crawler4jEngine(config.crawl(), data.crawlState(), AddressPolicy.system());
        Duplicates duplicates = new Duplicates();
        duplicates.seed(RecordLog.read(data.records()).docs().values());
        PageProcessor processor = new PageProcessor(keying, log, duplicates);
        try (Progress progress =
            Progress.discovering(
                "crawl",
                "pages",
                () -> {
                  Crawler4jEngine.Frontier f = engine.progress();
                  return new Progress.Counts(f.done(), f.discovered());
                },
                out,
                Duration.ofSeconds(2))) {
          engine.crawl(sites, processor, counters);
          out.println(progress.line());
        }
      }
      if (youtube.isPresent()) {
        YouTubeRun run = youtube.get();
        QuotaLedger quota =
            new QuotaLedger(
                data.youtubeQuota(), config.youtube().dailyQuotaUnits(), Clock.systemUTC());
        YouTubeSource source =
            new YouTubeSource(
                run.rootUrl(),
                run.apiKey(),
                quota,
                data.youtubeCache(),
                config.youtube().maxResultsPerQuery());
        YouTubeSource.Report[] report = new YouTubeSource.Report[1];
        List<Draft> videos =
            source.fetch(FixQueries.from(KeyExtractor.builtIn().lexicon()), report);
        io.fixfinder.crawler.youtube.ThumbnailFetcher thumbs =
            new io.fixfinder.crawler.youtube.ThumbnailFetcher(
                new io.fixfinder.core.thumbs.ThumbnailStore(data.thumbnails()),
                java.net.URI.create(run.rootUrl()));
        for (Draft v : videos) {
          io.fixfinder.core.model.SourceDoc doc =
              keying.key(v, "www.youtube.com").withSiteName("YouTube");
          Optional<String> thumb = v.thumbnail().flatMap(thumbs::fetch);
          log.put(thumb.isPresent() ? doc.withThumbnail(thumb.get()) : doc);
        }
        counters.records(videos.size());
        YouTubeSource.Report r = report[0];
        out.printf(
            "youtube: %d videos, %d search.list + %d videos.list calls, %d from cache, quota %d/%d units%s%n",
            r.videos(),
            r.searchCalls(),
            r.videoCalls(),
            r.cacheHits(),
            quota.used(),
            quota.budget(),
            r.budgetExhausted() ? " (budget reached: stopped early)" : "");
        if (!thumbs.outcomes().isEmpty()) out.println("youtube thumbnails: " + thumbs.outcomes());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("crawl finished in %.1f s%n", seconds);
    printCounters(counters, out);
    CrawlVerdict verdict =
        sites.isEmpty() ? new CrawlVerdict.Productive() : CrawlVerdict.of(counters);
    writeSummary(data.crawlSummary(), counters, seconds, verdict);
    return counters;
  }

  /**
   * URL outcomes first, then how the fetched pages ended ("page stored", "page no content: too
   * little text"), each outcome followed by its reasons.
   */
  static void printCounters(CrawlCounters counters, PrintStream out) {
    Map<String, Long> snapshot = counters.snapshot();
    snapshot.forEach(
        (key, value) -> {
          if (!key.startsWith(CrawlCounters.PAGE)) out.printf("  %-50s %d%n", key, value);
        });
    if (snapshot.keySet().stream().anyMatch(k -> k.startsWith(CrawlCounters.PAGE))) {
      out.println("  fetched pages by outcome:");
      snapshot.forEach(
          (key, value) -> {
            if (key.startsWith(CrawlCounters.PAGE)) {
              out.printf("    %-48s %d%n", key.substring(CrawlCounters.PAGE.length()), value);
            }
          });
    }
  }

  /**
   * The run's counters as {@code {"finishedAt", "seconds", "counters", "verdict"}} ({@code
   * verdict}: "ok", or the line saying why the crawl yields nothing), written to a temporary file
   * and moved into place so that a reader (the API's /metrics) never sees half a file.
   */
  static void writeSummary(
      java.nio.file.Path file, CrawlCounters counters, double seconds, CrawlVerdict verdict)
      throws IOException {
    Map<String, Object> summary = new java.util.LinkedHashMap<>();
    summary.put("finishedAt", java.time.Instant.now().toString());
    summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
    summary.put("counters", counters.snapshot());
    summary.put(
        "verdict",
        switch (verdict) {
          case CrawlVerdict.Productive p -> "ok";
          case CrawlVerdict.Unproductive u -> u.message();
        });
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    java.nio.file.Files.write(tmp, io.fixfinder.core.json.Json.mapper().writeValueAsBytes(summary));
    java.nio.file.Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
