package io.fixfinder.crawler.fetch.crawler4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.fetch.PageHandler;
import io.fixfinder.crawler.fetch.SeedsRefused;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.run.PageOutcome;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler4j adapter against real HTTP servers on loopback. */
class Crawler4jEngineTest {
  @TempDir Path state;

  static final FixFinderConfig.Crawl DEFAULTS =
      ConfigLoader.load(Optional.empty(), Map.of()).crawl();

  static class Collect implements PageHandler {
    final List<String> urls = new CopyOnWriteArrayList<>();

    @Override
    public PageOutcome page(FetchedPage page, String runId) {
      urls.add(page.url().getPath());
      return new PageOutcome.Stored(1, 0);
    }

    @Override
    public void gone(URI url, int status) {}
  }

  /** One crawl of a loopback test site with politeness off. */
  void crawlLocal(TestSite site, PageHandler handler, CrawlCounters counters)
      throws InterruptedException {
    engine()
        .crawl(
            List.of(
                SiteConfig.of("t", SourceKind.FORUM, site.origin(), true).withPolitenessDelayMs(0)),
            handler,
            counters);
  }

  Crawler4jEngine engine() {
    return new Crawler4jEngine(DEFAULTS, state, AddressPolicy.system());
  }

  static String links(String... hrefs) {
    StringBuilder sb = new StringBuilder("<html><body><p>Links:</p>");
    for (String h : hrefs)
      sb.append("<a href=\"").append(h).append("\">").append(h).append("</a> ");
    return sb.append("</body></html>").toString();
  }

  @Test
  void robotsDisallowedPagesAreNeverFetched() throws Exception {
    try (TestSite site = new TestSite()) {
      site.respond("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      site.page("/", links("/a", "/private/secret", "mailto:x@y.z", "ftp://127.0.0.1/f"));
      site.page("/a", links("/"));
      site.page("/private/secret", links());
      Collect collect = new Collect();
      CrawlCounters counters = new CrawlCounters();
      crawlLocal(site, collect, counters);
      assertThat(collect.urls).containsExactlyInAnyOrder("/", "/a");
      assertThat(site.paths()).doesNotContain("/private/secret");
      assertThat(counters.get(CrawlCounters.Outcome.SKIPPED_ROBOTS)).isPositive();
      assertThat(counters.get(CrawlCounters.Outcome.FILTERED)).isPositive();
    }
  }

  @Test
  void robotsAnswering5xxMeansDisallowAll() throws Exception {
    try (TestSite site = new TestSite()) {
      site.respond("/robots.txt", 503, "text/plain", "down");
      site.page("/", links("/a"));
      Collect collect = new Collect();
      assertThatThrownBy(() -> crawlLocal(site, collect, new CrawlCounters()))
          .isInstanceOf(SeedsRefused.class)
          .hasMessage(
              "every seed was refused, nothing to crawl: t "
                  + site.origin().resolve("/")
                  + " (robots.txt answered 503)");
      assertThat(collect.urls).isEmpty();
      assertThat(site.paths()).containsOnly("/robots.txt");
    }
  }

  @Test
  void robots404MeansAllowAll() throws Exception {
    try (TestSite site = new TestSite()) {
      site.page("/", links("/a"));
      site.page("/a", links());
      Collect collect = new Collect();
      crawlLocal(site, collect, new CrawlCounters());
      assertThat(collect.urls).containsExactlyInAnyOrder("/", "/a");
    }
  }

  @Test
  void loopbackIsRefusedUnlessTheSiteAllowsIt() throws Exception {
    try (TestSite site = new TestSite()) {
      site.page("/", links("/a"));
      Collect collect = new Collect();
      CrawlCounters counters = new CrawlCounters();
      assertThatThrownBy(
              () ->
                  engine()
                      .crawl(
                          List.of(SiteConfig.of("t", SourceKind.FORUM, site.origin(), false)),
                          collect,
                          counters))
          .isInstanceOfSatisfying(
              SeedsRefused.class,
              e ->
                  assertThat(e.refusals())
                      .containsExactly(
                          new SeedsRefused.Refusal(
                              "t", site.origin().resolve("/"), "private address 127.0.0.1")));
      assertThat(collect.urls).isEmpty();
      assertThat(site.paths()).isEmpty();
    }
  }

  @Test
  void aSiteWhoseRobotsDisallowsItsSeedIsReportedWithTheReason() throws Exception {
    try (TestSite site = new TestSite()) {
      site.respond("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /\n");
      site.page("/", links("/a"));
      assertThatThrownBy(() -> crawlLocal(site, new Collect(), new CrawlCounters()))
          .isInstanceOf(SeedsRefused.class)
          .hasMessageEndingWith(
              ": t " + site.origin().resolve("/") + " (disallowed by robots.txt)");
      assertThat(site.paths()).containsOnly("/robots.txt");
    }
  }

  @Test
  void oneRefusedSiteBesideAWorkingOneIsNotAnError() throws Exception {
    try (TestSite open = new TestSite();
        TestSite closed = new TestSite()) {
      open.page("/", links());
      closed.page("/", links());
      Collect collect = new Collect();
      engine()
          .crawl(
              List.of(
                  SiteConfig.of("open", SourceKind.FORUM, open.origin(), true)
                      .withPolitenessDelayMs(0),
                  SiteConfig.of("closed", SourceKind.FORUM, closed.origin(), false)),
              collect,
              new CrawlCounters());
      assertThat(collect.urls).containsExactly("/");
      assertThat(closed.paths()).isEmpty();
    }
  }

  @Test
  void sitemapUrlsAreSeeds() throws Exception {
    try (TestSite site = new TestSite()) {
      String o = site.origin().toString();
      site.respond(
          "/robots.txt",
          200,
          "text/plain",
          "User-agent: *\nAllow: /\nSitemap: " + o + "/sitemap-index.xml\n");
      site.respond(
          "/sitemap-index.xml",
          200,
          "application/xml",
          "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
              + o
              + "/s1.xml</loc></sitemap></sitemapindex>");
      site.respond(
          "/s1.xml",
          200,
          "application/xml",
          "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
              + o
              + "/orphan</loc><lastmod>2025-01-02</lastmod></url></urlset>");
      site.page("/", links());
      site.page("/orphan", links());
      Collect collect = new Collect();
      crawlLocal(site, collect, new CrawlCounters());
      assertThat(collect.urls).containsExactlyInAnyOrder("/", "/orphan");

      // Recrawl: the sitemap says /orphan has not changed since 2025, so it is not requested.
      long before = site.paths().stream().filter("/orphan"::equals).count();
      crawlLocal(site, new Collect(), new CrawlCounters());
      assertThat(site.paths().stream().filter("/orphan"::equals).count()).isEqualTo(before);
      assertThat(site.paths().stream().filter("/"::equals).count())
          .as("no lastmod: revalidated")
          .isEqualTo(2);
    }
  }

  @Test
  void crawlDelayIsHonouredPerHostWhileHostsCrawlInParallel() throws Exception {
    try (TestSite a = new TestSite();
        TestSite b = new TestSite()) {
      for (TestSite s : List.of(a, b)) {
        s.respond("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 2\n");
        s.page("/", links("/1", "/2"));
        s.page("/1", links());
        s.page("/2", links());
      }
      Collect collect = new Collect();
      long start = System.nanoTime();
      engine()
          .crawl(
              List.of(
                  SiteConfig.of("a", SourceKind.FORUM, a.origin(), true).withPolitenessDelayMs(0),
                  SiteConfig.of("b", SourceKind.FORUM, b.origin(), true).withPolitenessDelayMs(0)),
              collect,
              new CrawlCounters());
      assertThat(collect.urls).hasSize(6);
      for (TestSite s : List.of(a, b)) {
        List<TestSite.Hit> pages =
            s.log.stream()
                .filter(h -> !h.path().endsWith(".txt") && !h.path().endsWith(".xml"))
                .toList();
        for (int i = 1; i < pages.size(); i++) {
          long gapMs = (pages.get(i).nanos() - pages.get(i - 1).nanos()) / 1_000_000;
          assertThat(gapMs).as("gap between requests to one host").isGreaterThanOrEqualTo(1_950);
        }
      }
      // The hosts crawled in parallel: one after the other, the six pages would need at least four
      // delays (8 s) from the first page request to the last; in parallel about two (4 s).
      List<Long> pageTimes = new java.util.ArrayList<>();
      for (TestSite s : List.of(a, b)) {
        s.log.stream()
            .filter(h -> !h.path().endsWith(".txt") && !h.path().endsWith(".xml"))
            .forEach(h -> pageTimes.add(h.nanos()));
      }
      long spanMs =
          (java.util.Collections.max(pageTimes) - java.util.Collections.min(pageTimes)) / 1_000_000;
      assertThat(spanMs).as("first to last page request across both hosts").isLessThan(7_000);
    }
  }

  @Test
  void recrawlRevalidatesAndDropsVanishedPages() throws Exception {
    try (TestSite site = new TestSite()) {
      site.page("/", links("/a", "/b"));
      site.page("/a", links());
      site.page("/b", links());
      SiteConfig config =
          SiteConfig.of("t", SourceKind.FORUM, site.origin(), true).withPolitenessDelayMs(0);
      Collect first = new Collect();
      engine().crawl(List.of(config), first, new CrawlCounters());
      assertThat(first.urls).containsExactlyInAnyOrder("/", "/a", "/b");

      site.respond("/b", 404, "text/html", "gone");
      site.page("/a", links() + "<p>edited</p>");
      List<String> gone = new CopyOnWriteArrayList<>();
      Collect second =
          new Collect() {
            @Override
            public void gone(URI url, int status) {
              gone.add(url.getPath());
            }
          };
      CrawlCounters counters = new CrawlCounters();
      engine().crawl(List.of(config), second, counters);
      assertThat(second.urls).containsExactly("/a"); // only the changed page is extracted again
      assertThat(gone).containsExactly("/b");
      assertThat(counters.get(CrawlCounters.Outcome.NOT_MODIFIED)).isEqualTo(1); // "/" unchanged
    }
  }
}
