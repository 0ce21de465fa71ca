package io.fixfinder.crawler.fetch.crawler4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.fetch.PageHandler;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.run.PageOutcome;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress of a real crawl of a site on loopback: what the engine reports as done and discovered,
 * sampled from inside the crawl, on a clock that advances one second per page handled (no wall
 * clock), so the true remaining time at each page is the number of pages not handled yet.
 */
class CrawlProgressTest {
  @TempDir Path state;

  static final int SECTIONS = 8;
  static final int PAGES_PER_SECTION = 5;
  static final int TOTAL = 1 + SECTIONS + SECTIONS * PAGES_PER_SECTION;

  record Seen(long handledBefore, long done, long discovered, String line) {}

  @Test
  void leftIsNeverZeroWhilePagesRemainAndTheEtaConverges() throws Exception {
    try (TestSite site = new TestSite()) {
      List<String> sections = new ArrayList<>();
      for (int s = 1; s <= SECTIONS; s++) {
        List<String> pages = new ArrayList<>();
        for (int p = 1; p <= PAGES_PER_SECTION; p++) {
          pages.add("/s" + s + "/p" + p);
          site.page("/s" + s + "/p" + p, Crawler4jEngineTest.links());
        }
        site.page("/s" + s, Crawler4jEngineTest.links(pages.toArray(String[]::new)));
        sections.add("/s" + s);
      }
      site.page("/", Crawler4jEngineTest.links(sections.toArray(String[]::new)));

      Crawler4jEngine engine =
          new Crawler4jEngine(Crawler4jEngineTest.DEFAULTS, state, AddressPolicy.system());
      AtomicLong clock = new AtomicLong();
      AtomicLong handled = new AtomicLong();
      Progress progress =
          Progress.manual(
              "crawl",
              "pages",
              () -> {
                Crawler4jEngine.Frontier f = engine.progress();
                return new Progress.Counts(f.done(), f.discovered());
              },
              clock::get,
              Duration.ofSeconds(10));
      List<Seen> seen = new ArrayList<>();
      PageHandler handler =
          new PageHandler() {
            @Override
            public PageOutcome page(FetchedPage page, String runId) {
              synchronized (seen) {
                Crawler4jEngine.Frontier f = engine.progress();
                String line = progress.line();
                seen.add(new Seen(handled.get(), f.done(), f.discovered(), line));
                handled.incrementAndGet();
                clock.addAndGet(1_000_000_000L);
              }
              return new PageOutcome.Stored(1, 0);
            }

            @Override
            public void gone(URI url, int status) {}
          };
      engine.crawl(
          List.of(
              SiteConfig.of("t", SourceKind.FORUM, site.origin(), true).withPolitenessDelayMs(0)),
          handler,
          new CrawlCounters());

      assertThat(seen).hasSize(TOTAL);
      for (int i = 0; i < seen.size(); i += 6) System.out.println(seen.get(i).line());
      for (Seen s : seen) {
        // The page being handled has not ended yet: at least it is left.
        assertThat(s.discovered() - s.done()).as(s.line()).isGreaterThanOrEqualTo(1);
        assertThat(s.line()).doesNotContain(" 0 left").doesNotContain(" 0+ left");
        assertThat(s.done()).as(s.line()).isLessThanOrEqualTo(s.handledBefore());
      }
      // Once every section page is handled, all URLs are known: the ETA is the truth within the
      // pages in flight (crawler threads per host) plus a second of rounding.
      int checked = 0;
      for (Seen s : seen) {
        if (s.handledBefore() < 1 + SECTIONS + 12 || s.line().contains("discovering")) continue;
        double truth = TOTAL - s.handledBefore();
        String eta = s.line().substring(s.line().lastIndexOf(' ') + 1);
        if (eta.equals("?")) continue;
        String[] mmss = eta.split(":");
        double shown = Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]);
        assertThat(shown)
            .as(s.line())
            .isCloseTo(
                truth,
                org.assertj.core.data.Offset.offset(
                    Crawler4jEngineTest.DEFAULTS.threadsPerHost() + 2.0));
        checked++;
      }
      assertThat(checked).isGreaterThan(10);
      Crawler4jEngine.Frontier end = engine.progress();
      assertThat(end.done()).isEqualTo(end.discovered()).isEqualTo(TOTAL);
    }
  }
}
