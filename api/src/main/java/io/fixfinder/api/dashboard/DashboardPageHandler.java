package io.fixfinder.api.dashboard;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.tenants.Keyed;
import io.fixfinder.api.tenants.Tenancy;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.tenants.KeyKind;
import io.fixfinder.ui.DashboardPage;
import io.fixfinder.ui.Pages;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's pages for people: {@code GET /dashboard} shows the sign-in form, or the signed-in
 * tenant's dashboard; the admin pastes the secret key once ({@code POST /dashboard/login}) and gets
 * a session cookie for {@code dashboard.sessionHours}: HttpOnly, SameSite=Strict, sent only under
 * {@code /dashboard}, Secure when the request came over TLS. The key itself is never kept, in the
 * browser or in the database. Signing out and every other POST need the session's CSRF token, and
 * the sign-in form is refused when another site's page posts it.
 */
public final class DashboardPageHandler {
  static final String COOKIE = "ff_dashboard";
  static final String CSRF_FIELD = "csrf";
  static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

  private final DashboardHandler api;
  private final Optional<DashboardSessions> sessions;
  private final Optional<Tenancy> tenancy;
  private final Duration lifetime;
  private final Set<String> trustedProxies;
  private final Pages pages = new Pages();

  public DashboardPageHandler(
      Optional<DashboardService> service,
      Optional<DashboardSessions> sessions,
      Optional<Tenancy> tenancy,
      int sessionHours,
      List<String> trustedProxies) {
    this.api = new DashboardHandler(service);
    this.sessions = sessions;
    this.tenancy = tenancy;
    this.lifetime = Duration.ofHours(sessionHours);
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /** {@code GET /dashboard}: the dashboard when signed in, else the sign-in form. */
  public void page(Context ctx) {
    DashboardService service = api.service();
    noStore(ctx);
    Optional<DashboardSessions.Found> session = session(ctx);
    if (session.isEmpty()) {
      html(ctx, 200, pages.dashboardSignIn(new DashboardPage.SignIn("")));
      return;
    }
    int days = Params.intParam(ctx, "days", DashboardHandler.DEFAULT_DAYS, 1, service.maxDays());
    DashboardReport report = api.report(session.get().tenantId(), days);
    String csrf = ctx.cookie(COOKIE + "_csrf");
    html(ctx, 200, pages.dashboard(DashboardView.of(report, csrf == null ? "" : csrf, PERIODS)));
  }

  /** {@code POST /dashboard/login}: the pasted secret key opens a session. */
  public void login(Context ctx) {
    api.service();
    noStore(ctx);
    requireSameOrigin(ctx);
    String key = Optional.ofNullable(ctx.formParam("key")).orElse("").strip();
    Optional<Keyed> keyed;
    try {
      keyed = key.isEmpty() ? Optional.empty() : tenancy.flatMap(t -> t.resolve(key));
    } catch (StoreException e) {
      throw unavailable();
    }
    if (keyed.isEmpty()) {
      signInError(
          ctx,
          "That key is not valid: it is unknown, revoked or rotated out. Paste the"
              + " tenant's current secret key (sk_...).");
      return;
    }
    if (keyed.get().kind() != KeyKind.SECRET) {
      signInError(
          ctx,
          "That is the publishable key (pk_), which only searches. The dashboard"
              + " needs the tenant's secret key (sk_...).");
      return;
    }
    DashboardSessions.Opened opened;
    try {
      opened = sessions().open(keyed.get().tenantId(), lifetime);
    } catch (StoreException e) {
      throw unavailable();
    }
    setCookie(ctx, COOKIE, opened.token(), lifetime.toSeconds());
    // the CSRF token goes in a second cookie the page reads back into its forms: HttpOnly too (no
    // script needs it), and useless without the session, whose hash it is checked against
    setCookie(ctx, COOKIE + "_csrf", opened.csrf(), lifetime.toSeconds());
    ctx.status(303).header("Location", "/dashboard");
  }

  /** {@code POST /dashboard/logout}: ends the session (CSRF token required). */
  public void logout(Context ctx) {
    api.service();
    noStore(ctx);
    requireSameOrigin(ctx);
    String token = ctx.cookie(COOKIE);
    Optional<DashboardSessions.Found> session = session(ctx);
    if (session.isPresent()) {
      if (!session.get().csrfMatches(ctx.formParam(CSRF_FIELD))) {
        throw new ApiException(
            403,
            "csrf-token",
            "Forbidden",
            "The request lacks this session's CSRF token (form field '"
                + CSRF_FIELD
                + "'); reload the page and try again");
      }
      try {
        sessions().close(token);
      } catch (StoreException e) {
        throw unavailable();
      }
    }
    setCookie(ctx, COOKIE, "", 0);
    setCookie(ctx, COOKIE + "_csrf", "", 0);
    ctx.status(303).header("Location", "/dashboard");
  }

  /** {@code GET /dashboard/export/{table}.csv}: one table as CSV, with the session. */
  public void export(Context ctx) {
    DashboardService service = api.service();
    noStore(ctx);
    String file = ctx.pathParam("file");
    if (!file.endsWith(".csv")
        || !DashboardHandler.TABLES.contains(file.substring(0, file.length() - 4))) {
      throw ApiException.notFound(
          "No such export; the tables are " + String.join(", ", DashboardHandler.TABLES));
    }
    DashboardSessions.Found session =
        session(ctx)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "not-signed-in",
                        "Unauthorized",
                        "Sign in to the dashboard at /dashboard with the tenant's secret key"));
    int days = Params.intParam(ctx, "days", DashboardHandler.DEFAULT_DAYS, 1, service.maxDays());
    DashboardReport report = api.report(session.tenantId(), days);
    DashboardHandler.csv(ctx, report, file.substring(0, file.length() - 4));
  }

  /** The signed-in admin's tenant, for other dashboard pages (alerts). */
  public Optional<String> signedInTenant(Context ctx) {
    api.service();
    return session(ctx).map(DashboardSessions.Found::tenantId);
  }

  /** The session's CSRF token as the page's forms carry it ("" when none). */
  public String csrf(Context ctx) {
    String csrf = ctx.cookie(COOKIE + "_csrf");
    return csrf == null ? "" : csrf;
  }

  /**
   * The signed-in admin's tenant for a form POST: same origin, a live session and its CSRF token,
   * else the matching problem (cross-site-form 403, not-signed-in 401, csrf-token 403).
   */
  public String tenantForPost(Context ctx) {
    api.service();
    noStore(ctx);
    requireSameOrigin(ctx);
    DashboardSessions.Found session =
        session(ctx)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "not-signed-in",
                        "Unauthorized",
                        "Sign in to the dashboard at /dashboard with the tenant's secret key"));
    if (!session.csrfMatches(ctx.formParam(CSRF_FIELD))) {
      throw new ApiException(
          403,
          "csrf-token",
          "Forbidden",
          "The request lacks this session's CSRF token (form field '"
              + CSRF_FIELD
              + "'); reload the page and try again");
    }
    return session.tenantId();
  }

  private Optional<DashboardSessions.Found> session(Context ctx) {
    String token = ctx.cookie(COOKIE);
    if (token == null || token.isEmpty() || sessions.isEmpty()) return Optional.empty();
    try {
      return sessions.get().find(token);
    } catch (StoreException e) {
      throw unavailable();
    }
  }

  private DashboardSessions sessions() {
    return sessions.orElseThrow(() -> ApiException.notFound("The dashboard is not served here"));
  }

  private void signInError(Context ctx, String message) {
    // a page for a person, not a problem: the status says it failed, the page says why
    ProblemMapper.keepBody(ctx);
    html(ctx, 401, pages.dashboardSignIn(new DashboardPage.SignIn(message)));
  }

  private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/dashboard; Max-Age=")
            .append(maxAgeSeconds)
            .append("; HttpOnly; SameSite=Strict");
    if (overTls(ctx)) cookie.append("; Secure");
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  /** Whether the request came over TLS, directly or in the word of a trusted proxy. */
  private boolean overTls(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) return true;
    String proto = ctx.header("X-Forwarded-Proto");
    if (proto == null || !trustedProxies.contains(ctx.req().getRemoteAddr())) return false;
    String[] hops = proto.split(",");
    return hops[hops.length - 1].strip().equalsIgnoreCase("https");
  }

  /**
   * A browser says where a form came from (Sec-Fetch-Site, else Origin): another site's page must
   * not sign an admin in or out. A request with neither (a script) is not another site's form.
   */
  private static void requireSameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    boolean same;
    if (site != null) {
      same = site.equals("same-origin") || site.equals("none");
    } else {
      String origin = ctx.header("Origin");
      String host = ctx.header("Host");
      same =
          origin == null
              || (host != null
                  && (origin.equals("http://" + host) || origin.equals("https://" + host)));
    }
    if (!same) {
      throw new ApiException(
          403,
          "cross-site-form",
          "Forbidden",
          "This form may only be sent from FixFinder's own pages");
    }
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }

  private static void html(Context ctx, int status, String body) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(body);
  }

  private static ApiException unavailable() {
    return new ApiException(
        503, "database-unavailable", "Service unavailable", "Try again in a moment.");
  }
}
