package io.fixfinder.store.analytics;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Counters per tenant and UTC day (see {@code V5__analytics.sql}). Writes are whole batches added
 * in place, in one transaction ({@code INSERT ... ON CONFLICT DO UPDATE}, the same on SQLite and
 * PostgreSQL), so a flush every few seconds costs one transaction whatever the traffic. Query texts
 * are checked again here ({@link QueryText}): whatever a caller passes, a personal-looking text is
 * not written.
 */
public final class AnalyticsStore {
  /** A tenant's totals on a day. */
  public record DayCount(
      String tenantId, LocalDate day, long searches, long unanswered, long issueOpens) {}

  /** A query text's searches on a day. */
  public record QueryCount(
      String tenantId, LocalDate day, String query, long searches, long unanswered) {}

  /** An issue cluster's counts on a day. */
  public record IssueCount(
      String tenantId,
      LocalDate day,
      String issueId,
      long shown,
      long opened,
      long yes,
      long no,
      long partly) {}

  /** Counts to add, as a recorder gathered them between two flushes. */
  public record Batch(List<DayCount> days, List<QueryCount> queries, List<IssueCount> issues) {
    public Batch {
      days = List.copyOf(days);
      queries = List.copyOf(queries);
      issues = List.copyOf(issues);
    }

    public boolean isEmpty() {
      return days.isEmpty() && queries.isEmpty() && issues.isEmpty();
    }
  }

  /** A query over a window: its searches and how many had no good answer. */
  public record QueryTotal(String query, long searches, long unanswered) {}

  /** An issue over a window. */
  public record IssueTotal(
      String issueId, long shown, long opened, long yes, long no, long partly) {
    public long votes() {
      return yes + no + partly;
    }
  }

  /** What {@link #rollUp} removed. */
  public record RolledUp(int queryRows, int dayRows, int issueRows) {}

  private final Database db;

  public AnalyticsStore(Database db) {
    this.db = db;
  }

  /** Adds every count of the batch, in one transaction. */
  public void add(Batch batch) {
    if (batch.isEmpty()) return;
    db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO analytics_day (tenant_id, day, searches, unanswered, issue_opens)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day) DO UPDATE SET"
                      + " searches = analytics_day.searches + excluded.searches,"
                      + " unanswered = analytics_day.unanswered + excluded.unanswered,"
                      + " issue_opens = analytics_day.issue_opens + excluded.issue_opens")) {
            for (DayCount d : batch.days()) {
              st.setString(1, d.tenantId());
              st.setString(2, d.day().toString());
              st.setLong(3, d.searches());
              st.setLong(4, d.unanswered());
              st.setLong(5, d.issueOpens());
              st.addBatch();
            }
            st.executeBatch();
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO analytics_query_day (tenant_id, day, query, searches, unanswered)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, day, query) DO UPDATE SET"
                      + " searches = analytics_query_day.searches + excluded.searches,"
                      + " unanswered = analytics_query_day.unanswered + excluded.unanswered")) {
            for (QueryCount q : batch.queries()) {
              // the store's own check: a text that is not what normalise keeps is never written
              if (!QueryText.normalise(q.query()).map(q.query()::equals).orElse(false)) continue;
              st.setString(1, q.tenantId());
              st.setString(2, q.day().toString());
              st.setString(3, q.query());
              st.setLong(4, q.searches());
              st.setLong(5, q.unanswered());
              st.addBatch();
            }
            st.executeBatch();
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO analytics_issue_day (tenant_id, day, issue_id, shown, opened,"
                      + " votes_yes, votes_no, votes_partly) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant_id, day, issue_id) DO UPDATE SET"
                      + " shown = analytics_issue_day.shown + excluded.shown,"
                      + " opened = analytics_issue_day.opened + excluded.opened,"
                      + " votes_yes = analytics_issue_day.votes_yes + excluded.votes_yes,"
                      + " votes_no = analytics_issue_day.votes_no + excluded.votes_no,"
                      + " votes_partly = analytics_issue_day.votes_partly + excluded.votes_partly")) {
            for (IssueCount i : batch.issues()) {
              st.setString(1, i.tenantId());
              st.setString(2, i.day().toString());
              st.setString(3, i.issueId());
              st.setLong(4, i.shown());
              st.setLong(5, i.opened());
              st.setLong(6, i.yes());
              st.setLong(7, i.no());
              st.setLong(8, i.partly());
              st.addBatch();
            }
            st.executeBatch();
          }
          return null;
        });
  }

  /** The tenant's totals per day from {@code from} to {@code to} (both included), by day. */
  public List<DayCount> days(String tenantId, LocalDate from, LocalDate to) {
    return db.read(
        c ->
            Jdbc.list(
                c,
                "SELECT day, searches, unanswered, issue_opens FROM analytics_day WHERE tenant_id"
                    + " = ? AND day >= ? AND day <= ? ORDER BY day",
                rs ->
                    new DayCount(
                        tenantId,
                        LocalDate.parse(rs.getString(1)),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4)),
                tenantId,
                from.toString(),
                to.toString()));
  }

  /**
   * The most searched texts of the window with at least {@code minCount} searches in it (fewer:
   * never returned, whatever else asks), most searched first.
   *
   * @param unansweredOnly only texts with at least one search without a good answer, ordered by
   *     those
   */
  public List<QueryTotal> queries(
      String tenantId,
      LocalDate from,
      LocalDate to,
      int minCount,
      boolean unansweredOnly,
      int limit) {
    String order =
        unansweredOnly ? "SUM(unanswered) DESC, SUM(searches) DESC" : "SUM(searches) DESC";
    return db.read(
        c ->
            Jdbc.list(
                c,
                "SELECT query, SUM(searches), SUM(unanswered) FROM analytics_query_day WHERE"
                    + " tenant_id = ? AND day >= ? AND day <= ? GROUP BY query HAVING"
                    + " SUM(searches) >= ?"
                    + (unansweredOnly ? " AND SUM(unanswered) > 0" : "")
                    + " ORDER BY "
                    + order
                    + ", query LIMIT ?",
                rs -> new QueryTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                tenantId,
                from.toString(),
                to.toString(),
                minCount,
                limit));
  }

  /** Every issue with counts in the window, most shown first. */
  public List<IssueTotal> issues(String tenantId, LocalDate from, LocalDate to) {
    return db.read(
        c ->
            Jdbc.list(
                c,
                "SELECT issue_id, SUM(shown), SUM(opened), SUM(votes_yes), SUM(votes_no),"
                    + " SUM(votes_partly) FROM analytics_issue_day WHERE tenant_id = ? AND day >="
                    + " ? AND day <= ? GROUP BY issue_id ORDER BY SUM(shown) DESC, issue_id",
                rs ->
                    new IssueTotal(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)),
                tenantId,
                from.toString(),
                to.toString()));
  }

  /**
   * The first day the tenant has any count: alerts wait until a tenant has a full window of history
   * (before it, every issue is "new").
   */
  public java.util.Optional<LocalDate> firstDay(String tenantId) {
    return db.read(
        c ->
            Jdbc.one(
                    c,
                    "SELECT MIN(day) FROM analytics_day WHERE tenant_id = ?",
                    rs -> java.util.Optional.ofNullable(rs.getString(1)),
                    tenantId)
                .flatMap(d -> d)
                .map(LocalDate::parse));
  }

  /** Each issue's daily count of searches that showed it, for the window (emerging issues). */
  public Map<String, Map<LocalDate, Long>> issueDaily(
      String tenantId, LocalDate from, LocalDate to) {
    Map<String, Map<LocalDate, Long>> out = new java.util.TreeMap<>();
    db.read(
        c -> {
          Jdbc.list(
              c,
              "SELECT issue_id, day, shown FROM analytics_issue_day WHERE tenant_id = ? AND"
                  + " day >= ? AND day <= ? AND shown > 0",
              rs -> {
                out.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                    .put(LocalDate.parse(rs.getString(2)), rs.getLong(3));
                return null;
              },
              tenantId,
              from.toString(),
              to.toString());
          return null;
        });
    return out;
  }

  /**
   * Closes the days before {@code today}: their texts searched fewer than {@code minCount} times
   * are deleted (their searches stay in the day's totals), texts older than {@code
   * queryRetentionDays} go whatever their count, and every counter older than {@code
   * retentionDays}.
   */
  public RolledUp rollUp(LocalDate today, int minCount, int queryRetentionDays, int retentionDays) {
    String todayText = today.toString();
    String queriesBefore = today.minusDays(queryRetentionDays).toString();
    String countsBefore = today.minusDays(retentionDays).toString();
    return db.transaction(
        c -> {
          int q =
              Jdbc.update(
                  c,
                  "DELETE FROM analytics_query_day WHERE (day < ? AND searches < ?) OR day < ?",
                  todayText,
                  (long) minCount,
                  queriesBefore);
          int d = Jdbc.update(c, "DELETE FROM analytics_day WHERE day < ?", countsBefore);
          int i = Jdbc.update(c, "DELETE FROM analytics_issue_day WHERE day < ?", countsBefore);
          return new RolledUp(q, d, i);
        });
  }

  /** The analytics tables: what a privacy check reads. */
  public static List<String> tables() {
    return List.of("analytics_day", "analytics_query_day", "analytics_issue_day");
  }
}
