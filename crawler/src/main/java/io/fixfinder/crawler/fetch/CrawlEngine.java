package io.fixfinder.crawler.fetch;

import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import java.util.List;

/**
 * Fetches the pages of some sites, politely, and hands them to a {@link PageHandler}. The one
 * adapter today is {@link io.fixfinder.crawler.fetch.crawler4j.Crawler4jEngine}; the interface is
 * ours so that the engine can be replaced without touching parsing or keying.
 */
public interface CrawlEngine {
  /** Crawls every site (hosts in parallel, each host politely) and returns when all are done. */
  void crawl(List<SiteConfig> sites, PageHandler handler, CrawlCounters counters)
      throws InterruptedException;

  /** Asks a running crawl to stop soon; pages already handled stay handled. */
  void stop();
}
