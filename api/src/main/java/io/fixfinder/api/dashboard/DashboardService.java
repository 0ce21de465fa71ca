package io.fixfinder.api.dashboard;

import io.fixfinder.core.trends.EmergingIssues;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.tenants.Tenant;
import io.fixfinder.store.tenants.TenantStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads a tenant's counters into its {@link DashboardReport}. */
public final class DashboardService {
  /** Most rows of a query table. */
  public static final int MAX_QUERIES = 50;

  private final AnalyticsStore store;
  private final TenantStore tenants;
  private final Function<String, Optional<String>> issueLabels;
  private final EmergingIssues emerging = new EmergingIssues(EmergingIssues.Settings.DEFAULTS);
  private final int minQueryCount;
  private final int minVotes;
  private final int maxDays;
  private final Clock clock;

  /**
   * @param issueLabels an issue's label by its id (empty: the index no longer has it)
   * @param maxDays the longest period asked for (the counters' retention)
   */
  public DashboardService(
      AnalyticsStore store,
      TenantStore tenants,
      Function<String, Optional<String>> issueLabels,
      int minQueryCount,
      int minVotes,
      int maxDays,
      Clock clock) {
    this.store = store;
    this.tenants = tenants;
    this.issueLabels = issueLabels;
    this.minQueryCount = minQueryCount;
    this.minVotes = minVotes;
    this.maxDays = maxDays;
    this.clock = clock;
  }

  public int maxDays() {
    return maxDays;
  }

  /** The tenant's last {@code days} UTC days, today included. */
  public DashboardReport report(String tenantId, int days) {
    LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate from = to.minusDays(days - 1L);
    String name = tenants.find(tenantId).map(Tenant::name).orElse(tenantId);

    Map<LocalDate, AnalyticsStore.DayCount> byDay = new HashMap<>();
    for (AnalyticsStore.DayCount d : store.days(tenantId, from, to)) byDay.put(d.day(), d);
    List<DashboardReport.Day> daily = new ArrayList<>();
    long searches = 0;
    long unanswered = 0;
    long opens = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      AnalyticsStore.DayCount c = byDay.get(d);
      long s = c == null ? 0 : c.searches();
      long u = c == null ? 0 : c.unanswered();
      long o = c == null ? 0 : c.issueOpens();
      daily.add(new DashboardReport.Day(d, s, u, o));
      searches += s;
      unanswered += u;
      opens += o;
    }
    DashboardReport.Totals totals =
        new DashboardReport.Totals(
            searches,
            unanswered,
            opens,
            searches == 0 ? Optional.empty() : Optional.of(unanswered / (double) searches),
            searches == 0 ? Optional.empty() : Optional.of(opens / (double) searches));

    List<DashboardReport.QueryRow> top =
        store.queries(tenantId, from, to, minQueryCount, false, MAX_QUERIES).stream()
            .map(q -> new DashboardReport.QueryRow(q.query(), q.searches(), q.unanswered()))
            .toList();
    List<DashboardReport.QueryRow> noAnswer =
        store.queries(tenantId, from, to, minQueryCount, true, MAX_QUERIES).stream()
            .map(q -> new DashboardReport.QueryRow(q.query(), q.searches(), q.unanswered()))
            .toList();

    List<DashboardReport.IssueRow> issues = new ArrayList<>();
    for (AnalyticsStore.IssueTotal i : store.issues(tenantId, from, to)) {
      long votes = i.votes();
      issues.add(
          new DashboardReport.IssueRow(
              i.issueId(),
              label(i.issueId()),
              i.shown(),
              i.opened(),
              i.yes(),
              i.no(),
              i.partly(),
              votes,
              votes >= minVotes ? Optional.of(i.yes() / (double) votes) : Optional.empty()));
    }

    List<DashboardReport.Emerging> flagged = emerging(tenantId, to);
    return new DashboardReport(
        tenantId,
        name,
        from,
        to,
        days,
        minQueryCount,
        minVotes,
        totals,
        daily,
        top,
        noAnswer,
        issues,
        flagged);
  }

  /** The tenant's issues flagged as emerging by the window ending on {@code to}. */
  public List<DashboardReport.Emerging> emerging(String tenantId, LocalDate to) {
    EmergingIssues.Settings s = EmergingIssues.Settings.DEFAULTS;
    LocalDate windowStart = to.minusDays(s.recentDays() + s.baselineDays() - 1L);
    Map<String, Map<LocalDate, Long>> series = store.issueDaily(tenantId, windowStart, to);
    List<DashboardReport.Emerging> flagged = new ArrayList<>();
    for (EmergingIssues.Trend t : emerging.assess(series, to)) {
      if (!t.emerging()) continue;
      List<Long> counts = new ArrayList<>();
      Map<LocalDate, Long> own = series.getOrDefault(t.id(), Map.of());
      for (LocalDate d = windowStart; !d.isAfter(to); d = d.plusDays(1)) {
        counts.add(own.getOrDefault(d, 0L));
      }
      flagged.add(
          new DashboardReport.Emerging(
              t.id(),
              label(t.id()),
              t.recent(),
              t.baseline(),
              t.growth(),
              t.pValue(),
              significance(t.pValue()),
              windowStart,
              counts));
    }
    return flagged;
  }

  /** Days of history the emerging-issue test compares (the last 7 and the 28 before). */
  public static int emergingWindowDays() {
    EmergingIssues.Settings s = EmergingIssues.Settings.DEFAULTS;
    return s.recentDays() + s.baselineDays();
  }

  /** The first day the tenant has counts (alerts wait for a full window of history). */
  public Optional<LocalDate> firstDay(String tenantId) {
    return store.firstDay(tenantId);
  }

  /** The tenant's name, or its id when it is gone. */
  public String tenantName(String tenantId) {
    return tenants.find(tenantId).map(Tenant::name).orElse(tenantId);
  }

  /** Today, UTC, by the service's clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private String label(String issueId) {
    try {
      return issueLabels.apply(issueId).orElse("(issue no longer in the index)");
    } catch (RuntimeException e) {
      return "(label unavailable)";
    }
  }

  /** A p-value as people read it. */
  static String significance(double p) {
    if (p < 1e-6) return "far beyond chance (p < 0.000001)";
    if (p < 0.001) return "very unlikely to be chance (p < 0.001)";
    if (p < 0.01) {
      return String.format(Locale.ROOT, "unlikely to be chance (p = %.3f)", p);
    }
    return String.format(Locale.ROOT, "could be chance (p = %.2f)", p);
  }
}
