package io.fixfinder.api.alerts;

import io.fixfinder.api.account.InvalidInput;
import io.fixfinder.api.account.JsonBody;
import io.fixfinder.api.dashboard.DashboardHandler;
import io.fixfinder.api.dashboard.DashboardPageHandler;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.search.Params;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.ui.AlertsPage;
import io.fixfinder.ui.Pages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A tenant's alert settings: {@code GET}/{@code PUT /api/dashboard/alerts} with the secret key
 * (JSON: {@code webhookUrl}, {@code email}, {@code minGrowth}; both targets empty or null turns
 * alerts off), and the form at {@code /dashboard/alerts} for a signed-in admin (CSRF token, same
 * origin). Bad input is an {@code invalid-input} problem naming each field, or the form again with
 * its errors.
 */
public final class AlertsHandler {
  static final Set<String> FIELDS = Set.of("webhookUrl", "email", "minGrowth");

  private final Optional<AlertsService> service;
  private final DashboardPageHandler pages;
  private final Function<String, String> tenantNames;
  private final Pages ui = new Pages();

  /**
   * @param service empty when the server sends no alerts: every alert address is 404
   * @param tenantNames a tenant's name by its id
   */
  public AlertsHandler(
      Optional<AlertsService> service,
      DashboardPageHandler pages,
      Function<String, String> tenantNames) {
    this.service = service;
    this.pages = pages;
    this.tenantNames = tenantNames;
  }

  private AlertsService service() {
    return service.orElseThrow(() -> ApiException.notFound("Alerts are not sent by this server"));
  }

  /** {@code GET /api/dashboard/alerts}. */
  public void get(Context ctx) {
    Params.rejectUnknown(ctx, Set.of());
    AlertsService s = service();
    String tenant = DashboardHandler.secretKeyed(ctx).tenantId();
    ctx.header("Cache-Control", "no-store");
    ctx.json(read(() -> s.view(tenant)));
  }

  /** {@code PUT /api/dashboard/alerts}: replaces the settings. */
  public void put(Context ctx) {
    Params.rejectUnknown(ctx, Set.of());
    AlertsService s = service();
    String tenant = DashboardHandler.secretKeyed(ctx).tenantId();
    JsonBody body = JsonBody.read(ctx, FIELDS);
    AlertsService.Input input =
        new AlertsService.Input(
            body.optText("webhookUrl"), body.optText("email"), body.optNumber("minGrowth"));
    ctx.header("Cache-Control", "no-store");
    ctx.json(read(() -> s.save(tenant, input)));
  }

  /** {@code GET /dashboard/alerts}: the form, or the sign-in page when not signed in. */
  public void page(Context ctx) {
    AlertsService s = service();
    ctx.header("Cache-Control", "no-store");
    Optional<String> tenant = pages.signedInTenant(ctx);
    if (tenant.isEmpty()) {
      ctx.status(303).header("Location", "/dashboard");
      return;
    }
    AlertsService.View view = read(() -> s.view(tenant.get()));
    String saved =
        "1".equals(ctx.queryParam("saved"))
            ? (view.webhookUrl().isEmpty() && view.email().isEmpty()
                ? "Saved: alerts are off."
                : "Saved: alerts are on.")
            : "";
    html(
        ctx,
        200,
        page(
            tenant.get(),
            ctx,
            view.webhookUrl().orElse(""),
            view.email().orElse(""),
            number(view.minGrowth()),
            view,
            List.of(),
            saved));
  }

  /** {@code POST /dashboard/alerts}: saves the form, then back to it (303), or it with errors. */
  public void save(Context ctx) {
    AlertsService s = service();
    String tenant = pages.tenantForPost(ctx);
    String webhook = Optional.ofNullable(ctx.formParam("webhookUrl")).orElse("").strip();
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    String growthText = Optional.ofNullable(ctx.formParam("minGrowth")).orElse("").strip();
    Optional<Double> growth = Optional.empty();
    List<FieldError> errors = new ArrayList<>();
    if (!growthText.isEmpty()) {
      try {
        growth = Optional.of(Double.parseDouble(growthText.replace(',', '.')));
      } catch (NumberFormatException e) {
        errors.add(new FieldError("minGrowth", "Growth must be a number from 1 to 1000"));
      }
    }
    try {
      if (!errors.isEmpty()) throw new InvalidInput(errors);
      Optional<Double> g = growth;
      read(
          () ->
              s.save(tenant, new AlertsService.Input(Optional.of(webhook), Optional.of(email), g)));
      ctx.status(303).header("Location", "/dashboard/alerts?saved=1");
    } catch (InvalidInput e) {
      // a page for a person, not a problem: the status says it failed, the page says why
      ProblemMapper.keepBody(ctx);
      AlertsService.View view = read(() -> s.view(tenant));
      html(
          ctx,
          400,
          page(
              tenant,
              ctx,
              webhook,
              email,
              growthText,
              view,
              e.errors().stream().map(f -> new AlertsPage.FieldError(f.field(), label(f))).toList(),
              ""));
    }
  }

  private String page(
      String tenant,
      Context ctx,
      String webhook,
      String email,
      String growth,
      AlertsService.View view,
      List<AlertsPage.FieldError> errors,
      String saved) {
    return ui.dashboardAlerts(
        new AlertsPage(
            tenantNames.apply(tenant),
            pages.csrf(ctx),
            webhook,
            email,
            growth,
            view.signingSecret().orElse(""),
            errors,
            saved,
            view.recent().stream()
                .map(r -> new AlertsPage.Sent(r.issueId(), r.windowEnd().toString(), r.outcome()))
                .toList()));
  }

  /** A field error as a sentence a person reads on the form. */
  private static String label(FieldError f) {
    String message = f.message();
    return switch (f.field()) {
      case "webhookUrl" -> capital(message);
      case "email" -> "The email address " + message;
      case "minGrowth" -> message.startsWith("Growth") ? message : "Growth " + message;
      default -> capital(message);
    };
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  private static <T> T read(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (StoreException e) {
      throw new ApiException(
          503, "database-unavailable", "Service unavailable", "Try again in a moment.");
    }
  }

  private static void html(Context ctx, int status, String body) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(body);
  }
}
