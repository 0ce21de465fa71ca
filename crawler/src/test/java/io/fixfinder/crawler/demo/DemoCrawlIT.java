package io.fixfinder.crawler.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.crawler4j.Crawler4jEngine;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.crawler.youtube.QuotaLedger;
import io.fixfinder.crawler.youtube.YouTubeSource;
import io.fixfinder.demo.AccessLogEntry;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSite;
import io.fixfinder.demo.DemoSites;
import io.fixfinder.demo.FakeYouTubeApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler on the demo corpus: every source kind, with the concrete values people see. */
class DemoCrawlIT {
  @TempDir static Path dir;
  static DemoSites sites;
  static FakeYouTubeApi youtube;
  static Collection<SourceDoc> docs;
  static CrawlCounters counters = new CrawlCounters();

  @BeforeAll
  static void crawl() throws Exception {
    DemoManifest manifest = DemoCorpus.writeTo(dir.resolve("corpus"));
    sites = DemoSites.start(manifest);
    youtube = FakeYouTubeApi.start(manifest.youtubeVideos());
    FixFinderConfig.Crawl defaults = ConfigLoader.load(Optional.empty(), Map.of()).crawl();
    List<SiteConfig> configs = new ArrayList<>();
    for (DemoSite site : manifest.sites()) {
      configs.add(
          SiteConfig.of(site.name(), SourceKind.parse(site.kind()), sites.origin(site.name()), true)
              .withPolitenessDelayMs(0));
    }
    Path records = dir.resolve("records.jsonl");
    Keying keying = new Keying(KeyExtractor.builtIn());
    try (RecordLog log = RecordLog.openForAppend(records)) {
      new Crawler4jEngine(defaults, dir.resolve("state"), AddressPolicy.system())
          .crawl(configs, new PageProcessor(keying, log), counters);
      YouTubeSource source =
          new YouTubeSource(
              youtube.rootUrl().toString(),
              "demo-key",
              new QuotaLedger(dir.resolve("quota.json"), 10_000, Clock.systemUTC()),
              dir.resolve("yt-cache"),
              10);
      source
          .fetch(List.of("Aqualine WM-8420X E18 drain pump"), new YouTubeSource.Report[1])
          .forEach(d -> log.put(keying.key(d, "www.youtube.com")));
    }
    docs = RecordLog.read(records).docs().values();
  }

  @AfterAll
  static void stop() {
    sites.close();
    youtube.close();
  }

  static SourceDoc byUrlEnd(String end) {
    return docs.stream()
        .filter(d -> d.url().endsWith(end))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record at *" + end));
  }

  @Test
  void everyFetchedPageEndsInOneCountedOutcomeAndListingsAreNotRecords() {
    counters.snapshot().forEach((k, v) -> System.out.printf("demo crawl: %-50s %d%n", k, v));
    long outcomes =
        java.util.stream.Stream.of(
                "stored", "aliased", "listing", "no content", "error", "unchanged")
            .mapToLong(counters::pages)
            .sum();
    assertThat(outcomes).isEqualTo(counters.get(CrawlCounters.Outcome.FETCHED));
    assertThat(counters.pages("error")).isZero();
    assertThat(counters.pages("listing")).isGreaterThan(20);
    // The guide index and the brand pages of the manual site were stored as manuals before.
    assertThat(docs)
        .extracting(SourceDoc::url)
        .noneMatch(u -> u.endsWith("/guides/") || u.contains("/brands/"));
    assertThat(io.fixfinder.crawler.run.CrawlVerdict.of(counters))
        .isInstanceOf(io.fixfinder.crawler.run.CrawlVerdict.Productive.class);
  }

  @Test
  void everySourceKindIsExtracted() {
    assertThat(docs)
        .extracting(SourceDoc::kind)
        .contains(
            SourceKind.MANUAL,
            SourceKind.FORUM,
            SourceKind.REVIEW,
            SourceKind.PRODUCT,
            SourceKind.VIDEO);
    assertThat(docs.size()).isGreaterThan(300);
  }

  @Test
  void qaPageThreadKeepsItsAcceptedAnswerAndVotes() {
    SourceDoc thread =
        byUrlEnd("/t/10482-aqualine-wm8420x-e18-wont-drain-water-stuck-in-drum.html");
    Details.Thread details = (Details.Thread) thread.details();
    assertThat(details.acceptedAnswer())
        .startsWith("Had the exact same E18 on a WM-8420X last month");
    assertThat(details.acceptedVotes()).isEqualTo(47);
    assertThat(details.answerCount()).isEqualTo(5);
    assertThat(thread.product().model()).isEqualTo("WM-8420X");
    assertThat(thread.errorCodes()).contains("E18");
    assertThat(thread.symptoms()).contains("wont-drain");
    assertThat(thread.fixReported()).isTrue();
  }

  @Test
  void plainHtmlForumThreadsGetTheirAcceptedAnswerToo() {
    SourceDoc thread =
        byUrlEnd("/topic/5521/aqualine-8420x-error-18-not-pumping-out-filter-clean.html");
    Details.Thread details = (Details.Thread) thread.details();
    assertThat(details.acceptedAnswer())
        .startsWith("Impeller spinning completely free is the giveaway.");
    assertThat(details.acceptedVotes()).isEqualTo(19);
    assertThat(thread.errorCodes()).contains("E18"); // written "Err 18" and "E-18"
    assertThat(thread.product().model()).isEqualTo("WM-8420X");
  }

  @Test
  void reviewsKeepTheirRatingOnTheirOwnScaleAndDuplicatesAreOneDocument() {
    // The review is published on its own page and on the product page: one record, two URLs.
    List<SourceDoc> found =
        docs.stream()
            .filter(
                d ->
                    d.url().contains("/r/R81153.html")
                        || d.alsoAt().stream().anyMatch(u -> u.contains("/r/R81153.html")))
            .toList();
    assertThat(found).hasSize(1);
    SourceDoc review = found.getFirst();
    assertThat(review.alsoAt()).isNotEmpty();
    Details.Review details = (Details.Review) review.details();
    assertThat(details.rating()).isEqualTo(2.0);
    assertThat(details.bestRating()).isEqualTo(5.0);
    assertThat(review.text()).contains("Started showing E18 after 3 months");
    assertThat(review.errorCodes()).contains("E18");
    assertThat(review.product().model()).isEqualTo("WM-8420X");
  }

  @Test
  void pdfTroubleshootingRowsCarryCodeAndPage() {
    SourceDoc row = byUrlEnd("/pdf/aqualine-wm-8420x-manual.pdf#page=3&row=1");
    Details.ManualSection details = (Details.ManualSection) row.details();
    assertThat(details.problem()).isEqualTo("E18 – Water does not drain");
    assertThat(details.cause()).startsWith("Drain pump filter blocked");
    assertThat(details.remedy()).startsWith("Switch off and unplug.");
    assertThat(details.page()).isEqualTo(3);
    assertThat(row.errorCodes()).containsExactly("E18");
    assertThat(row.fixReported()).isTrue();
    // A table that runs over a page break keeps its rows on the right page.
    assertThat(docs)
        .anyMatch(
            d ->
                d.details() instanceof Details.ManualSection m
                    && m.page() == 4
                    && !m.problem().isEmpty());
  }

  @Test
  void videosHaveDurationAndChapterDeepLinks() {
    SourceDoc video = byUrlEnd("watch?v=Zq7dR2xK9fA");
    Details.Video details = (Details.Video) video.details();
    assertThat(details.durationSeconds()).isEqualTo(511);
    assertThat(details.chapters())
        .contains(
            new Chapter(
                45, "Remove the kickplate", "https://www.youtube.com/watch?v=Zq7dR2xK9fA&t=45s"));
  }

  @Test
  void robotsDisallowedPagesAreNeverFetched() {
    List<String> paths = sites.accessLog().stream().map(AccessLogEntry::path).toList();
    assertThat(paths)
        .noneMatch(
            p ->
                p.startsWith("/internal/") || p.startsWith("/members/") || p.startsWith("/search"));
    assertThat(counters.get(CrawlCounters.Outcome.SKIPPED_ROBOTS)).isPositive();
  }
}
