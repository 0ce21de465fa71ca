package io.fixfinder.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress line against a scripted crawl on a fake clock: a frontier that grows while the first
 * pages are crawled, then a crawl that slows down halfway (a politeness delay, a slow host). The
 * script knows when the last page ends, so the ETA is checked against the true remaining time.
 */
class ProgressTest {
  static final long SECOND = 1_000_000_000L;

  /**
   * 600 URLs: the seed, then 4 new links on each of the first 150 pages (capped at 600); 10 pages/s
   * for the first 300 pages, then 4 pages/s.
   */
  static final class ScriptedCrawl {
    static final int TOTAL = 600;
    static final int FAST_PAGES = 300;
    static final double FAST = 10;
    static final double SLOW = 4;

    /** When page {@code i} (1-based) ends, in seconds from the start. */
    static double end(int i) {
      return i <= FAST_PAGES ? i / FAST : FAST_PAGES / FAST + (i - FAST_PAGES) / SLOW;
    }

    static final double FINISH = end(TOTAL);
    static final double SLOWDOWN = end(FAST_PAGES);

    static long done(double t) {
      long n = 0;
      while (n < TOTAL && end((int) n + 1) <= t + 1e-9) n++;
      return n;
    }

    static long discovered(double t) {
      return Math.min(TOTAL, 1 + 4 * Math.min(done(t), 150));
    }
  }

  static double etaSeconds(String line) {
    int at = line.lastIndexOf(' ');
    String[] mmss = line.substring(at + 1).split(":");
    return Integer.parseInt(mmss[0]) * 60 + Integer.parseInt(mmss[1]);
  }

  @Test
  void theEtaConvergesToTheTrueRemainingTimeAndNeverShowsZeroLeftWhilePagesRemain() {
    AtomicLong clock = new AtomicLong();
    Progress progress =
        Progress.manual(
            "crawl",
            "pages",
            () -> {
              double t = clock.get() / (double) SECOND;
              return new Progress.Counts(ScriptedCrawl.done(t), ScriptedCrawl.discovered(t));
            },
            clock::get,
            Estimator.WINDOW);
    double window = Estimator.WINDOW.toSeconds();
    int checkedConverged = 0;
    double worstNaiveError = 0;
    for (int tenths = 5; tenths < ScriptedCrawl.FINISH * 10; tenths += 20) { // every 2 s
      double t = tenths / 10.0;
      clock.set((long) (t * SECOND));
      String line = progress.line();
      long done = ScriptedCrawl.done(t);
      assertThat(line).as("at %.1f s", t).doesNotContain(" 0 left").doesNotContain(" 0+ left");
      boolean grew =
          ScriptedCrawl.discovered(t) > ScriptedCrawl.discovered(Math.max(0, t - window));
      if (grew) {
        assertThat(line).as("at %.1f s", t).contains("still discovering").contains("ETA at least");
      } else {
        assertThat(line).as("at %.1f s", t).doesNotContain("discovering");
      }
      double remaining = ScriptedCrawl.FINISH - t;
      if (t >= ScriptedCrawl.SLOWDOWN + window && !grew) {
        // A full window after the last change of pace, the ETA is the truth within a page's time.
        assertThat(etaSeconds(line))
            .as("ETA at %.1f s: %s", t, line)
            .isCloseTo(remaining, org.assertj.core.data.Offset.offset(1.0));
        checkedConverged++;
        // What the old line showed: the average since the start.
        double naive = (ScriptedCrawl.TOTAL - done) / (done / t);
        worstNaiveError = Math.max(worstNaiveError, Math.abs(naive - remaining));
      }
    }
    System.out.printf(
        "scripted crawl: ETA within 1 s of the truth at %d samples from one window after the"
            + " slowdown; the average since the start was off by up to %.1f s%n",
        checkedConverged, worstNaiveError);
    assertThat(checkedConverged).isGreaterThan(10);
    assertThat(worstNaiveError).as("the average since the start lags far behind").isGreaterThan(10);
  }

  @Test
  void aFinishedCrawlShowsNothingLeftAndAnUnknownTotalShowsNoEta() {
    AtomicLong clock = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Progress crawl =
        Progress.manual(
            "crawl",
            "pages",
            () -> new Progress.Counts(done.get(), 40),
            clock::get,
            Estimator.WINDOW);
    clock.set(40 * SECOND);
    done.set(40);
    assertThat(crawl.line()).isEqualTo("crawl: 40 of 40 pages done, 0 left, 1.0 pages/s, ETA 0:00");
    Progress rows =
        Progress.manual(
            "import",
            "rows",
            () -> new Progress.Counts(done.get(), -1),
            clock::get,
            Estimator.WINDOW);
    clock.set(60 * SECOND);
    done.set(100);
    assertThat(rows.line()).isEqualTo("import: 100 rows done, 3.0 rows/s");
  }

  @Test
  void aStalledCrawlHasNoEtaRatherThanAFalseOne() {
    AtomicLong clock = new AtomicLong();
    Progress crawl =
        Progress.manual(
            "crawl", "pages", () -> new Progress.Counts(5, 50), clock::get, Estimator.WINDOW);
    clock.set(40 * SECOND);
    assertThat(crawl.line()).isEqualTo("crawl: 5 of 50 pages done, 45 left, 0.0 pages/s, ETA ?");
  }
}
