package io.fixfinder.crawler.fetch.crawler4j;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A crawl in its own process, for the kill -9 test: args are origin, state dir, record log. */
public final class CrawlChild {
  private CrawlChild() {}

  public static void main(String[] args) throws Exception {
    FixFinderConfig.Crawl defaults = ConfigLoader.load(Optional.empty(), Map.of()).crawl();
    SiteConfig site =
        SiteConfig.of("child", SourceKind.FORUM, URI.create(args[0]), true)
            .withPolitenessDelayMs(100);
    try (RecordLog log = RecordLog.openForAppend(Path.of(args[2]))) {
      new Crawler4jEngine(defaults, Path.of(args[1]), AddressPolicy.system())
          .crawl(
              List.of(site),
              new PageProcessor(new Keying(KeyExtractor.builtIn()), log),
              new CrawlCounters());
    }
    System.out.println("CRAWL DONE");
  }
}
