package io.fixfinder.crawler.run;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a finished crawl found something, judged from its counters. A crawl that ran but whose
 * pages yield nothing is not an operator's typo, yet it must not look like a success: the CLI says
 * so in one line and exits non-zero.
 *
 * <p>The rule, over the pages handed to extraction (stored, aliased, listing, no content, error;
 * pages unchanged since the last crawl are not judged):
 *
 * <ul>
 *   <li>no page was fetched and none was unchanged: every fetch failed, was refused by robots.txt
 *       or was too large, or nothing could be scheduled at all;
 *   <li>no page stored or aliased a record and none was unchanged: the crawl found nothing;
 *   <li>at least {@value #MIN_PAGES} pages were read and more than half of them ended as no content
 *       or error: the extractor cannot read this site. Listing pages count as read but not as
 *       failures, since following their links is what they are for.
 * </ul>
 */
public sealed interface CrawlVerdict {
  /** Fewer read pages than this are too few to call "most pages" (a small recrawl, a test). */
  int MIN_PAGES = 10;

  /** The crawl found records, or had nothing new to read. */
  record Productive() implements CrawlVerdict {}

  /** The crawl ran but yields (almost) nothing; {@code message} is the one line to show. */
  record Unproductive(String message) implements CrawlVerdict {}

  static CrawlVerdict of(CrawlCounters counters) {
    long fetched = counters.get(CrawlCounters.Outcome.FETCHED);
    long unchanged = counters.get(CrawlCounters.Outcome.NOT_MODIFIED);
    long yielded = counters.pages("stored") + counters.pages("aliased");
    long unread = counters.pages("no content") + counters.pages("error");
    long read = yielded + counters.pages("listing") + unread;
    Map<String, Long> snapshot = counters.snapshot();
    if (fetched == 0 && unchanged == 0) {
      return new Unproductive(
          String.format(
              Locale.ROOT,
              "no page was fetched: %d failed, %d refused by robots.txt, %d too large%s",
              counters.get(CrawlCounters.Outcome.FAILED),
              counters.get(CrawlCounters.Outcome.SKIPPED_ROBOTS),
              counters.get(CrawlCounters.Outcome.TOO_LARGE),
              commonest(snapshot, "failed: ", "too large: ")));
    }
    if (read > 0 && yielded == 0 && unchanged == 0) {
      return new Unproductive(
          String.format(
              Locale.ROOT,
              "no page yielded a record: %d pages read (%d listing, %d no content, %d error)%s",
              read,
              counters.pages("listing"),
              counters.pages("no content"),
              counters.pages("error"),
              commonest(
                  snapshot, CrawlCounters.PAGE + "no content: ", CrawlCounters.PAGE + "error: ")));
    }
    if (read >= MIN_PAGES && unread * 2 > read) {
      return new Unproductive(
          String.format(
              Locale.ROOT,
              "most pages yielded nothing: %d of %d pages read had no content or failed%s",
              unread,
              read,
              commonest(
                  snapshot, CrawlCounters.PAGE + "no content: ", CrawlCounters.PAGE + "error: ")));
    }
    return new Productive();
  }

  /** ", commonest: <reason> (n)" over the keys with these prefixes, or nothing. */
  private static String commonest(Map<String, Long> snapshot, String... prefixes) {
    return snapshot.entrySet().stream()
        .filter(e -> java.util.Arrays.stream(prefixes).anyMatch(p -> e.getKey().startsWith(p)))
        .max(
            Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(
            e ->
                ", commonest: "
                    + e.getKey().replaceFirst("^" + CrawlCounters.PAGE, "")
                    + " ("
                    + e.getValue()
                    + ")")
        .orElse("");
  }
}
