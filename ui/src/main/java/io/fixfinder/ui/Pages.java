package io.fixfinder.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders the precompiled templates: one engine for the process, safe to share across threads. */
public final class Pages {
  private static final String PACKAGE = "io.fixfinder.ui.jte";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), PACKAGE);

  /** The search page: the form alone, or the form with the results of a query. */
  public String search(SearchPage page) {
    return render("search.jte", page);
  }

  public String issue(IssuePage page) {
    return render("issue.jte", page);
  }

  public String product(ProductPage page) {
    return render("product.jte", page);
  }

  /** The leaderboards' front page: every product type. */
  public String leaderboards(LeaderboardsPage page) {
    return render("leaderboards.jte", page);
  }

  /** One product type's brand and model leaderboard. */
  public String leaderboard(LeaderboardPage page) {
    return render("leaderboard.jte", page);
  }

  /** The helper directory: filters, the helpers they find, or an honest "nobody yet". */
  public String helpers(HelpersPage page) {
    return render("directory.jte", page);
  }

  /** A helper's public profile: no contact detail, a link to the contact form. */
  public String helper(io.fixfinder.core.helpers.match.HelperCard helper) {
    return helper(helper, "", "");
  }

  /**
   * As above, the contact link carrying the search and the issue the visitor came from.
   *
   * @param query the search, or ""
   * @param issueId the issue, or ""
   */
  public String helper(
      io.fixfinder.core.helpers.match.HelperCard helper, String query, String issueId) {
    return helper(helper, query, issueId, Map.of());
  }

  /** As above, the helper's issue and fault area skills named by {@code labels} (by id). */
  public String helper(
      io.fixfinder.core.helpers.match.HelperCard helper,
      String query,
      String issueId,
      Map<String, String> labels) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(
        "helper.jte", Map.of("h", helper, "query", query, "issue", issueId, "labels", labels), out);
    return out.toString();
  }

  /** A company's dashboard (issue 16). */
  public String dashboard(DashboardPage page) {
    return render("dashboard.jte", page);
  }

  /** The dashboard's sign-in form. */
  public String dashboardSignIn(DashboardPage.SignIn signIn) {
    return render("dashboardlogin.jte", signIn);
  }

  /** A company's alert settings (issue 16). */
  public String dashboardAlerts(AlertsPage page) {
    return render("dashboardalerts.jte", page);
  }

  /** A page that says what was not found and offers the search box. */
  public String notFound(String what) {
    return render("notfound.jte", what);
  }

  private String render(String template, Object model) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(template, model, out);
    return out.toString();
  }
}
