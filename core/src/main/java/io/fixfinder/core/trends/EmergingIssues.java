package io.fixfinder.core.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flags the series (issue clusters) whose last {@code recentDays} hold more of their activity than
 * a steady rate would put there, against the {@code baselineDays} before.
 *
 * <p><b>The test.</b> If a cluster kept its share of the company's traffic, each of its {@code n}
 * events in the whole window fell in the recent days with the probability {@code p0} that the other
 * clusters' events did: conditioning on {@code n} removes the unknown rate (the classic comparison
 * of two Poisson counts), and measuring against the others removes what moves them all (a weekday
 * rhythm, a campaign, a site that grows). The recent count {@code r} is then Binomial(n, p0) and
 * the p-value is the exact upper tail P(X >= r). {@code p0} is the others' recent share, shrunk
 * towards the share of days (0.2 for 7 against 28) by {@value #PRIOR_EVENTS} pseudo-events, so a
 * company with little other traffic falls back to "a steady rate". Because every cluster of a
 * company is tested every day, the p-values of one day are compared with the Benjamini–Hochberg
 * line at {@code falseDiscovery}: of the clusters flagged on a day, at most that share is expected
 * to be noise. On top, a flag needs a minimum recent count and growth, so that a cluster going from
 * 0 to 3 reports, however improbable, pages nobody.
 *
 * <p>Settings are chosen once on synthetic replays (see {@code EmergingIssuesReplayTest}), not per
 * company.
 */
public final class EmergingIssues {
  /** How many events of "a steady rate" the others' share is shrunk with. */
  static final double PRIOR_EVENTS = 35;

  /**
   * @param recentDays the window that may be growing (7)
   * @param baselineDays the window before it (28)
   * @param falseDiscovery Benjamini–Hochberg level across one day's clusters
   * @param minRecent fewest events in the recent window to flag
   * @param minGrowth lowest ratio of recent to baseline daily rate to flag
   */
  public record Settings(
      int recentDays, int baselineDays, double falseDiscovery, int minRecent, double minGrowth) {
    public static final Settings DEFAULTS = new Settings(7, 28, 0.01, 5, 2.0);

    public Settings {
      if (recentDays < 1 || baselineDays < 1) {
        throw new IllegalArgumentException("windows must be at least a day");
      }
      if (!(falseDiscovery > 0 && falseDiscovery < 1)) {
        throw new IllegalArgumentException("falseDiscovery must be in (0, 1): " + falseDiscovery);
      }
      if (minRecent < 1 || !(minGrowth >= 1)) {
        throw new IllegalArgumentException("minRecent >= 1 and minGrowth >= 1 are required");
      }
    }
  }

  /**
   * One series' verdict.
   *
   * @param growth how many times its share of the traffic grew: recent over baseline events, over
   *     the same ratio expected from {@code p0} (the baseline with half an event added, so that a
   *     new cluster has a finite growth)
   * @param pValue P(at least {@code recent} of the window's events fall in the recent days | a
   *     steady rate)
   */
  public record Trend(
      String id, long recent, long baseline, double growth, double pValue, boolean emerging) {}

  private final Settings settings;

  public EmergingIssues(Settings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /**
   * Every series with any event in the window, emerging ones first (by p-value, then growth).
   *
   * @param daily per series id, events per day; days missing count as 0
   * @param today the last day of the recent window (included)
   */
  public List<Trend> assess(Map<String, Map<LocalDate, Long>> daily, LocalDate today) {
    LocalDate recentStart = today.minusDays(settings.recentDays() - 1L);
    LocalDate baselineStart = recentStart.minusDays(settings.baselineDays());
    double days =
        settings.recentDays() / (double) (settings.recentDays() + settings.baselineDays());
    Map<String, long[]> counts = new LinkedHashMap<>();
    long allRecent = 0;
    long allBaseline = 0;
    for (Map.Entry<String, Map<LocalDate, Long>> series : daily.entrySet()) {
      long recent = 0;
      long baseline = 0;
      for (Map.Entry<LocalDate, Long> day : series.getValue().entrySet()) {
        LocalDate d = day.getKey();
        long n = day.getValue();
        if (n < 0) throw new IllegalArgumentException("negative count on " + d);
        if (!d.isBefore(recentStart) && !d.isAfter(today)) recent += n;
        else if (!d.isBefore(baselineStart) && d.isBefore(recentStart)) baseline += n;
      }
      if (recent + baseline == 0) continue;
      counts.put(series.getKey(), new long[] {recent, baseline});
      allRecent += recent;
      allBaseline += baseline;
    }
    List<Trend> trends = new ArrayList<>();
    for (Map.Entry<String, long[]> c : counts.entrySet()) {
      long recent = c.getValue()[0];
      long baseline = c.getValue()[1];
      // the others' recent share (leave this one out), shrunk towards the share of days
      double p0 =
          (allRecent - recent + PRIOR_EVENTS * days)
              / (allRecent + allBaseline - recent - baseline + PRIOR_EVENTS);
      double growth = (recent / (baseline + 0.5)) * ((1 - p0) / p0);
      trends.add(
          new Trend(
              c.getKey(),
              recent,
              baseline,
              growth,
              Binomial.upperTail(recent + baseline, p0, recent),
              false));
    }
    return flag(trends);
  }

  /** Benjamini–Hochberg over the day's p-values, then the minimum count and growth. */
  private List<Trend> flag(List<Trend> trends) {
    List<Trend> byP =
        trends.stream()
            .sorted(Comparator.comparingDouble(Trend::pValue).thenComparing(Trend::id))
            .toList();
    int m = byP.size();
    int passing = 0;
    for (int k = m; k >= 1; k--) {
      if (byP.get(k - 1).pValue() <= settings.falseDiscovery() * k / m) {
        passing = k;
        break;
      }
    }
    List<Trend> out = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      Trend t = byP.get(i);
      boolean emerging =
          i < passing && t.recent() >= settings.minRecent() && t.growth() >= settings.minGrowth();
      out.add(new Trend(t.id(), t.recent(), t.baseline(), t.growth(), t.pValue(), emerging));
    }
    out.sort(
        Comparator.comparing((Trend t) -> !t.emerging())
            .thenComparingDouble(Trend::pValue)
            .thenComparing(Comparator.comparingDouble(Trend::growth).reversed())
            .thenComparing(Trend::id));
    return out;
  }
}
