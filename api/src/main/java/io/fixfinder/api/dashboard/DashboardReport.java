package io.fixfinder.api.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's dashboard over a period: every figure an aggregate, every query text searched at least
 * {@code minQueryCount} times in the period.
 *
 * @param daily every day of the period, days without searches included (as zeros)
 * @param emerging the issues {@link io.fixfinder.core.trends.EmergingIssues} flags today: growing
 *     fastest over the last 7 days against the 28 before, beyond what chance explains
 */
public record DashboardReport(
    String tenantId,
    String tenantName,
    LocalDate from,
    LocalDate to,
    int days,
    int minQueryCount,
    int minVotes,
    Totals totals,
    List<Day> daily,
    List<QueryRow> topQueries,
    List<QueryRow> unansweredQueries,
    List<IssueRow> issues,
    List<Emerging> emerging) {

  /**
   * The period's totals.
   *
   * @param clickThrough issues opened with the key per search (the click signal), empty without
   *     searches
   */
  public record Totals(
      long searches,
      long unanswered,
      long issueOpens,
      Optional<Double> unansweredShare,
      Optional<Double> clickThrough) {}

  public record Day(LocalDate day, long searches, long unanswered, long issueOpens) {}

  public record QueryRow(String query, long searches, long unanswered) {}

  /**
   * An issue's period: shown as a group, opened, and its customers' votes.
   *
   * @param fixRate the share of "yes" among the votes; empty under {@code minVotes} votes
   */
  public record IssueRow(
      String id,
      String label,
      long shown,
      long opened,
      long yes,
      long no,
      long partly,
      long votes,
      Optional<Double> fixRate) {}

  /**
   * An emerging issue.
   *
   * @param recent searches that showed it in the last 7 days
   * @param baseline the same over the 28 days before
   * @param growth how many times its share of the traffic grew
   * @param significance the p-value in words
   * @param dailyShown its daily count over the 35 days, oldest first
   */
  public record Emerging(
      String id,
      String label,
      long recent,
      long baseline,
      double growth,
      double pValue,
      String significance,
      LocalDate firstDay,
      List<Long> dailyShown) {}
}
