package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.CrawlPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.crawler.fetch.SeedsRefused;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.run.CrawlVerdict;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.crawler.source.SourcesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawl the sites of a sources file (and YouTube when FIXFINDER_YOUTUBE_API_KEY is set) into the record log.",
      "Resumable: a killed crawl continues where it stopped. Run 'index' afterwards.",
      "Exit codes: 0 done; 2 bad input, or every seed refused; 4 the crawl ran but its pages",
      "yield nothing (no page fetched, no record, or most pages without content)."
    })
public final class CrawlCommand implements Callable<Integer> {
  static final String KEY_ENV = "FIXFINDER_YOUTUBE_API_KEY";

  @Mixin CommonOptions common;

  @Option(
      names = "--sources",
      required = true,
      paramLabel = "FILE",
      description = "Sources file (see config/sources.example.yaml).")
  Path sources;

  @Option(
      names = "--youtube-root",
      paramLabel = "URL",
      description = "YouTube Data API root URL (default: youtube.rootUrl).")
  String youtubeRoot;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = common.load();
    if (!Files.isRegularFile(sources))
      throw new Main.UsageError("sources file not found: " + sources);
    List<SiteConfig> sites = SourcesFile.read(sources);
    String key = System.getenv(KEY_ENV);
    Optional<CrawlPipeline.YouTubeRun> youtube =
        key == null || key.isBlank()
            ? Optional.empty()
            : Optional.of(
                new CrawlPipeline.YouTubeRun(
                    youtubeRoot != null ? youtubeRoot : cfg.youtube().rootUrl(), key.strip()));
    if (youtube.isEmpty()) System.out.println("youtube: skipped (" + KEY_ENV + " is not set)");
    CrawlCounters counters;
    try {
      counters = new CrawlPipeline(cfg, CommonOptions.layout(cfg), System.out).run(sites, youtube);
    } catch (SeedsRefused e) {
      // The sources file cannot work as written: an operator's mistake.
      throw new Main.UsageError(e.getMessage());
    }
    if (!sites.isEmpty() && CrawlVerdict.of(counters) instanceof CrawlVerdict.Unproductive u) {
      // The crawl ran, but a crawl that yields nothing must not read as a success to a script.
      System.err.println("fixfinder: crawl yielded nothing: " + u.message());
      System.err.flush();
      return Main.EXIT_NOTHING_FOUND;
    }
    return 0;
  }
}
