package io.fixfinder.app.pipeline;

import io.fixfinder.store.Database;
import io.fixfinder.store.analytics.AnalyticsStore;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year of simulated analytics for a demo tenant, so its dashboard has something to show: daily
 * searches with a weekly rhythm, the given query texts searched by a Zipf law, the given issues
 * shown, opened and voted on, and a middling issue growing over the last week (an emerging fault).
 * Written through the same store the live recorder writes to, then rolled up by the same rule, so
 * texts under the minimum count are gone as they would be. Seeded: the same arguments give the same
 * year. A tenant that already has counts in the period is left alone, so a demo may call this on
 * every start.
 *
 * <p>Wiring (for {@code DemoCommand}, once the demo tenant exists): {@code DemoAnalytics.seed(db,
 * tenantId, issueIdsOfTheTenantsBrands, List.of("washing machine won't drain", ...),
 * LocalDate.now(ZoneOffset.UTC), 365, cfg.dashboard().minQueryCount(), 16L)}; then sign in at
 * {@code /dashboard} with the tenant's secret key.
 */
public final class DemoAnalytics {
  /** What was written ({@code days} 0: the tenant had analytics already, nothing was written). */
  public record Seeded(int days, long searches, int texts, int issues) {}

  private DemoAnalytics() {}

  /**
   * Seeds {@code days} days ending {@code today} (included) for the tenant.
   *
   * @param issueIds the tenant's issue clusters, most searched first; the middle one ({@code size /
   *     2}) grows over the last 7 days
   * @param queries the texts people search for (most searched first)
   * @param minQueryCount the rule of {@code dashboard.minQueryCount}, applied as the roll-up does
   */
  public static Seeded seed(
      Database db,
      String tenantId,
      List<String> issueIds,
      List<String> queries,
      LocalDate today,
      int days,
      int minQueryCount,
      long seed) {
    AnalyticsStore store = new AnalyticsStore(db);
    // a demo started again keeps its year: seeding twice would double every count
    if (!store.days(tenantId, today.minusDays(days - 1L), today).isEmpty()) {
      return new Seeded(0, 0, 0, issueIds.size());
    }
    Random random = new Random(seed);
    double[] queryWeights = zipf(queries.size());
    double[] issueWeights = zipf(issueIds.size());
    long total = 0;
    for (int back = days - 1; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      boolean weekend =
          day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      // a help desk's week: busier on weekdays, and slowly growing over the year
      double mean = (weekend ? 40 : 70) * (1 + 0.5 * (days - back) / (double) days);
      long searches = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
      long[] perQuery = spread(searches, queryWeights, random);
      long unanswered = 0;
      List<AnalyticsStore.QueryCount> texts = new ArrayList<>();
      for (int q = 0; q < perQuery.length; q++) {
        if (perQuery[q] == 0) continue;
        // the later texts in the list are the ones the index answers worst
        double missRate = 0.05 + 0.4 * q / Math.max(1, queries.size() - 1);
        long missed = binomial(perQuery[q], missRate, random);
        unanswered += missed;
        texts.add(
            new AnalyticsStore.QueryCount(tenantId, day, queries.get(q), perQuery[q], missed));
      }
      long[] shown = spread(Math.round(searches * 1.6), issueWeights, random);
      if (back < 7 && !issueIds.isEmpty()) {
        // the injected fault: a middling issue's searches multiply over the last week (the
        // first is already the most searched, so the same number added would barely show)
        shown[issueIds.size() / 2] += Math.round(searches * 0.08 * (7 - back));
      }
      List<AnalyticsStore.IssueCount> issues = new ArrayList<>();
      long opens = 0;
      for (int i = 0; i < shown.length; i++) {
        if (shown[i] == 0) continue;
        long opened = binomial(shown[i], 0.25, random);
        long votes = binomial(opened, 0.3, random);
        double fixes = 0.35 + 0.5 * ((i * 7919L) % 100) / 100.0;
        long yes = binomial(votes, fixes, random);
        long partly = binomial(votes - yes, 0.3, random);
        opens += opened;
        issues.add(
            new AnalyticsStore.IssueCount(
                tenantId,
                day,
                issueIds.get(i),
                shown[i],
                opened,
                yes,
                votes - yes - partly,
                partly));
      }
      store.add(
          new AnalyticsStore.Batch(
              List.of(new AnalyticsStore.DayCount(tenantId, day, searches, unanswered, opens)),
              texts,
              issues));
      total += searches;
    }
    store.rollUp(today, minQueryCount, Math.max(1, Math.min(days, 30)), Math.max(35, days));
    int kept =
        db.read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT COUNT(DISTINCT query) FROM analytics_query_day WHERE tenant_id = ?")) {
                st.setString(1, tenantId);
                try (var rs = st.executeQuery()) {
                  return rs.next() ? rs.getInt(1) : 0;
                }
              }
            });
    return new Seeded(days, total, kept, issueIds.size());
  }

  private static double[] zipf(int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) sum += w[i] = 1.0 / (i + 1);
    for (int i = 0; i < n; i++) w[i] /= sum;
    return w;
  }

  /** {@code n} events spread over categories by weight (a multinomial draw). */
  private static long[] spread(long n, double[] weights, Random random) {
    long[] out = new long[weights.length];
    if (weights.length == 0) return out;
    double[] cumulative = new double[weights.length];
    double c = 0;
    for (int i = 0; i < weights.length; i++) cumulative[i] = c += weights[i];
    for (long k = 0; k < n; k++) {
      double u = random.nextDouble() * c;
      int i = java.util.Arrays.binarySearch(cumulative, u);
      out[i < 0 ? Math.min(weights.length - 1, -i - 1) : i]++;
    }
    return out;
  }

  private static long binomial(long n, double p, Random random) {
    long k = 0;
    for (long i = 0; i < n; i++) if (random.nextDouble() < p) k++;
    return k;
  }
}
