package io.fixfinder.api.dashboard;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.tenants.Keyed;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.tenants.KeyKind;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/dashboard}: a tenant's dashboard for its servers, with the secret key ({@code
 * X-Api-Key: sk_...}, never from a browser origin: the key gate refuses that). JSON by default;
 * {@code format=csv&table=...} gives one table as CSV.
 */
public final class DashboardHandler {
  /** The tables a CSV export can give. */
  public static final List<String> TABLES =
      List.of("daily", "top-queries", "unanswered-queries", "issues", "emerging");

  private static final Set<String> PARAMS = Set.of("days", "format", "table");
  public static final int DEFAULT_DAYS = 30;

  private final Optional<DashboardService> service;

  /**
   * @param service empty when the server has no analytics: every dashboard address is 404
   */
  public DashboardHandler(Optional<DashboardService> service) {
    this.service = service;
  }

  DashboardService service() {
    return service.orElseThrow(
        () -> ApiException.notFound("The company dashboard is not served by this server"));
  }

  public void api(Context ctx) {
    Params.rejectUnknown(ctx, PARAMS);
    DashboardService service = service();
    Keyed keyed = secretKeyed(ctx);
    int days = Params.intParam(ctx, "days", DEFAULT_DAYS, 1, service.maxDays());
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    DashboardReport report = report(keyed.tenantId(), days);
    ctx.header("Cache-Control", "no-store");
    switch (format) {
      case "json" -> ctx.json(report);
      case "csv" -> {
        String table = Optional.ofNullable(ctx.queryParam("table")).orElse("");
        csv(ctx, report, table);
      }
      default ->
          throw ApiException.badRequest(
              "invalid-parameter", "Parameter 'format' is json or csv, not '" + format + "'");
    }
  }

  /** The request's tenant by its secret key, else a 401 or 403 problem. */
  public static Keyed secretKeyed(Context ctx) {
    Keyed keyed = Scopes.keyed(ctx).orElseThrow(DashboardHandler::keyRequired);
    if (keyed.kind() != KeyKind.SECRET) {
      throw new ApiException(
          403,
          "secret-key-required",
          "Secret key required",
          "The dashboard is for the tenant's secret key (sk_), sent from a server; a publishable"
              + " key (pk_) only searches");
    }
    return keyed;
  }

  DashboardReport report(String tenantId, int days) {
    try {
      return service().report(tenantId, days);
    } catch (StoreException e) {
      throw new ApiException(
          503,
          "database-unavailable",
          "Service unavailable",
          "The dashboard could not be read; try again later.");
    }
  }

  /** Sends one table of the report as a CSV download. */
  static void csv(Context ctx, DashboardReport report, String table) {
    List<List<String>> rows = rows(report, table);
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"fixfinder-" + table + "-" + report.to() + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(Csv.of(rows));
  }

  /** A table of the report as rows, the header first. */
  static List<List<String>> rows(DashboardReport r, String table) {
    List<List<String>> rows = new ArrayList<>();
    switch (table) {
      case "daily" -> {
        rows.add(List.of("day", "searches", "no_good_answer", "issues_opened"));
        for (DashboardReport.Day d : r.daily()) {
          rows.add(
              List.of(d.day().toString(), n(d.searches()), n(d.unanswered()), n(d.issueOpens())));
        }
      }
      case "top-queries", "unanswered-queries" -> {
        rows.add(List.of("query", "searches", "no_good_answer"));
        for (DashboardReport.QueryRow q :
            table.equals("top-queries") ? r.topQueries() : r.unansweredQueries()) {
          rows.add(List.of(q.query(), n(q.searches()), n(q.unanswered())));
        }
      }
      case "issues" -> {
        rows.add(
            List.of(
                "issue_id",
                "label",
                "shown",
                "opened",
                "yes",
                "no",
                "partly",
                "votes",
                "fix_rate"));
        for (DashboardReport.IssueRow i : r.issues()) {
          rows.add(
              List.of(
                  i.id(),
                  i.label(),
                  n(i.shown()),
                  n(i.opened()),
                  n(i.yes()),
                  n(i.no()),
                  n(i.partly()),
                  n(i.votes()),
                  i.fixRate().map(DashboardHandler::decimal).orElse("")));
        }
      }
      case "emerging" -> {
        rows.add(
            List.of("issue_id", "label", "last_7_days", "previous_28_days", "growth", "p_value"));
        for (DashboardReport.Emerging e : r.emerging()) {
          rows.add(
              List.of(
                  e.id(),
                  e.label(),
                  n(e.recent()),
                  n(e.baseline()),
                  decimal(e.growth()),
                  String.format(Locale.ROOT, "%.3g", e.pValue())));
        }
      }
      default ->
          throw ApiException.badRequest(
              "invalid-parameter",
              "Parameter 'table' is one of " + String.join(", ", TABLES) + ", not '" + table + "'");
    }
    return rows;
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String decimal(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static ApiException keyRequired() {
    return new ApiException(
            401,
            "api-key-required",
            "API key required",
            "Send the tenant's secret key in the X-Api-Key header (sk_...), from a server")
        .withHeader("WWW-Authenticate", "ApiKey realm=\"fixfinder\"");
  }
}
