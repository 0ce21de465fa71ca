package io.fixfinder.api.dashboard;

import io.fixfinder.ui.DashboardPage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A {@link DashboardReport} as the page shows it: figures in words, charts and tables. */
final class DashboardView {
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private DashboardView() {}

  static DashboardPage of(DashboardReport r, String csrf, List<Integer> periods) {
    DashboardReport.Totals t = r.totals();
    List<DashboardPage.Stat> stats =
        List.of(
            new DashboardPage.Stat("Searches", Long.toString(t.searches())),
            new DashboardPage.Stat(
                "No good answer",
                t.unansweredShare().map(DashboardView::percent).orElse("no searches yet")),
            new DashboardPage.Stat(
                "Issues opened per search",
                t.clickThrough().map(DashboardView::percent).orElse("no searches yet")),
            new DashboardPage.Stat("Emerging issues", Integer.toString(r.emerging().size())));

    List<String> days = r.daily().stream().map(d -> d.day().format(SHORT)).toList();
    List<DashboardPage.Chart> charts = new ArrayList<>();
    long peak = r.daily().stream().mapToLong(DashboardReport.Day::searches).max().orElse(0);
    charts.add(
        DashboardPage.Chart.of(
            "chart-searches",
            "Searches per day",
            "Searches per day from "
                + r.from().format(LONG)
                + " to "
                + r.to().format(LONG)
                + ": "
                + t.searches()
                + " in all, at most "
                + peak
                + " on a day. The table \"Searches per day\" below gives every day's figures.",
            days,
            List.of(
                new DashboardPage.Series(
                    "searches", "s0", r.daily().stream().map(d -> (double) d.searches()).toList()),
                new DashboardPage.Series(
                    "issues opened",
                    "s2",
                    r.daily().stream().map(d -> (double) d.issueOpens()).toList())),
            Optional.empty(),
            false));
    charts.add(
        DashboardPage.Chart.of(
            "chart-no-answer",
            "Share of searches with no good answer",
            "Share of each day's searches that had no good answer, "
                + t.unansweredShare().map(DashboardView::percent).orElse("none")
                + " over the period. The table \"Searches per day\" gives the counts.",
            days,
            List.of(
                new DashboardPage.Series(
                    "no good answer",
                    "s1",
                    r.daily().stream()
                        .map(d -> d.searches() == 0 ? 0.0 : d.unanswered() / (double) d.searches())
                        .toList())),
            Optional.of(1.0),
            true));
    for (int i = 0; i < Math.min(3, r.emerging().size()); i++) {
      DashboardReport.Emerging e = r.emerging().get(i);
      List<String> x = new ArrayList<>();
      for (int k = 0; k < e.dailyShown().size(); k++) x.add(e.firstDay().plusDays(k).format(SHORT));
      charts.add(
          DashboardPage.Chart.of(
              "chart-emerging-" + i,
              "Emerging: " + e.label(),
              "Searches that showed \""
                  + e.label()
                  + "\" per day over 35 days: "
                  + e.recent()
                  + " in the last 7 days against "
                  + e.baseline()
                  + " in the 28 before, "
                  + String.format(Locale.ROOT, "%.1f", e.growth())
                  + " times its usual share; "
                  + e.significance()
                  + ".",
              x,
              List.of(
                  new DashboardPage.Series(
                      "searches showing it",
                      "s1",
                      e.dailyShown().stream().map(Long::doubleValue).toList())),
              Optional.empty(),
              false));
    }

    String q = "?days=" + r.days();
    List<DashboardPage.Table> tables = new ArrayList<>();
    tables.add(
        new DashboardPage.Table(
            "emerging",
            "Emerging issues",
            "Issues whose share of your customers' searches grew over the last 7 days against the"
                + " 28 before, beyond what chance explains (an exact binomial test against your"
                + " other issues, corrected for testing them all every day).",
            "/dashboard/export/emerging.csv" + q,
            List.of("Issue", "Last 7 days", "28 days before", "Growth", "Chance of a fluke"),
            r.emerging().stream()
                .map(
                    e ->
                        List.of(
                            e.label(),
                            Long.toString(e.recent()),
                            Long.toString(e.baseline()),
                            String.format(Locale.ROOT, "%.1f×", e.growth()),
                            e.significance()))
                .toList(),
            "No issue is growing beyond what chance explains.",
            List.of(false, true, true, true, false)));
    tables.add(queryTable("top-queries", "Top searches", r.topQueries(), r, q));
    tables.add(
        queryTable(
            "unanswered-queries", "Searches with no good answer", r.unansweredQueries(), r, q));
    tables.add(
        new DashboardPage.Table(
            "issues",
            "Fix rate per issue",
            "From your customers' \"did this fix it?\" votes cast on your pages; a rate needs at"
                + " least "
                + r.minVotes()
                + " votes.",
            "/dashboard/export/issues.csv" + q,
            List.of("Issue", "Shown", "Opened", "Fixed", "Not fixed", "Partly", "Fix rate"),
            r.issues().stream()
                .map(
                    i ->
                        List.of(
                            i.label(),
                            Long.toString(i.shown()),
                            Long.toString(i.opened()),
                            Long.toString(i.yes()),
                            Long.toString(i.no()),
                            Long.toString(i.partly()),
                            i.fixRate()
                                .map(f -> percent(f) + " of " + i.votes())
                                .orElse("too few votes (" + i.votes() + ")")))
                .toList(),
            "No issue was shown to your customers in this period.",
            List.of(false, true, true, true, true, true, true)));
    tables.add(
        new DashboardPage.Table(
            "daily",
            "Searches per day",
            "",
            "/dashboard/export/daily.csv" + q,
            List.of("Day", "Searches", "No good answer", "Issues opened"),
            r.daily().reversed().stream()
                .map(
                    d ->
                        List.of(
                            d.day().toString(),
                            Long.toString(d.searches()),
                            Long.toString(d.unanswered()),
                            Long.toString(d.issueOpens())))
                .toList(),
            "",
            List.of(false, true, true, true)));
    return new DashboardPage(
        r.tenantName(),
        r.from().format(LONG) + " to " + r.to().format(LONG) + " (UTC)",
        csrf,
        stats,
        charts,
        tables,
        periods.contains(r.days())
            ? periods
            : java.util.stream.Stream.concat(periods.stream(), java.util.stream.Stream.of(r.days()))
                .sorted()
                .toList(),
        r.days());
  }

  private static DashboardPage.Table queryTable(
      String id, String caption, List<DashboardReport.QueryRow> rows, DashboardReport r, String q) {
    return new DashboardPage.Table(
        id,
        caption,
        "Only searches made at least "
            + r.minQueryCount()
            + " times in the period are listed, so that no one's own words are shown.",
        "/dashboard/export/" + id + ".csv" + q,
        List.of("Search", "Times", "No good answer"),
        rows.stream()
            .map(
                x -> List.of(x.query(), Long.toString(x.searches()), Long.toString(x.unanswered())))
            .toList(),
        "None yet in this period.",
        List.of(false, true, true));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
