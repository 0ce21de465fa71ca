package io.fixfinder.crawler.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.crawler.run.CrawlCounters.Outcome;
import org.junit.jupiter.api.Test;

/** The rule that turns a crawl's counters into "it found something" or one line saying why not. */
class CrawlVerdictTest {
  static CrawlCounters fetched(PageOutcome outcome, int times, CrawlCounters counters) {
    for (int i = 0; i < times; i++) {
      counters.count(Outcome.FETCHED);
      counters.page(outcome);
    }
    return counters;
  }

  static String message(CrawlCounters counters) {
    return CrawlVerdict.of(counters) instanceof CrawlVerdict.Unproductive u ? u.message() : "ok";
  }

  @Test
  void aCrawlThatStoresMostPagesIsProductive() {
    CrawlCounters c = fetched(new PageOutcome.Stored(2, 0), 30, new CrawlCounters());
    fetched(new PageOutcome.Listing(), 40, c); // listings are followed, not failures
    fetched(new PageOutcome.NoContent("too little text"), 20, c);
    assertThat(CrawlVerdict.of(c)).isInstanceOf(CrawlVerdict.Productive.class);
    assertThat(c.records()).isEqualTo(60);
    assertThat(c.pages("stored") + c.pages("listing") + c.pages("no content"))
        .isEqualTo(c.get(Outcome.FETCHED));
  }

  @Test
  void mostPagesWithoutContentIsSaidWithTheCommonestReason() {
    CrawlCounters c = fetched(new PageOutcome.Stored(1, 0), 10, new CrawlCounters());
    fetched(new PageOutcome.NoContent("forum page with no posts found"), 12, c);
    fetched(new PageOutcome.Error("extraction threw IllegalStateException"), 2, c);
    assertThat(message(c))
        .isEqualTo(
            "most pages yielded nothing: 14 of 24 pages read had no content or failed,"
                + " commonest: no content: forum page with no posts found (12)");
  }

  @Test
  void noRecordAtAllIsSaidEvenOnAFewPages() {
    CrawlCounters c = fetched(new PageOutcome.Listing(), 2, new CrawlCounters());
    fetched(new PageOutcome.NoContent("too little text"), 1, c);
    assertThat(message(c))
        .startsWith("no page yielded a record: 3 pages read (2 listing, 1 no content, 0 error)");
  }

  @Test
  void aCrawlThatFetchedNothingIsSaid() {
    CrawlCounters c = new CrawlCounters();
    c.count(Outcome.FAILED, "http 503");
    c.count(Outcome.SKIPPED_ROBOTS);
    assertThat(message(c))
        .isEqualTo(
            "no page was fetched: 1 failed, 1 refused by robots.txt, 0 too large,"
                + " commonest: failed: http 503 (1)");
  }

  @Test
  void aRecrawlOfUnchangedPagesIsNotAFailure() {
    CrawlCounters c = new CrawlCounters();
    for (int i = 0; i < 50; i++) c.count(Outcome.NOT_MODIFIED);
    fetched(new PageOutcome.Listing(), 1, c); // the home page changed; nothing else did
    assertThat(CrawlVerdict.of(c)).isInstanceOf(CrawlVerdict.Productive.class);
  }

  @Test
  void aliasedPagesFoundSomething() {
    CrawlCounters c = fetched(new PageOutcome.Aliased(1), 12, new CrawlCounters());
    assertThat(CrawlVerdict.of(c)).isInstanceOf(CrawlVerdict.Productive.class);
    assertThat(c.records()).isZero();
  }
}
