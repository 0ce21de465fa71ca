package io.fixfinder.api.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.api.account.InvalidInput;
import io.fixfinder.api.dashboard.DashboardReport;
import io.fixfinder.api.dashboard.DashboardService;
import io.fixfinder.api.mail.Delivery;
import io.fixfinder.api.mail.MailMessage;
import io.fixfinder.core.json.Json;
import io.fixfinder.store.accounts.EmailAddress;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.alerts.AlertClaim;
import io.fixfinder.store.alerts.AlertSettings;
import io.fixfinder.store.alerts.AlertStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's alert settings, and the alert run: each tenant with a target and a full window of
 * history has its emerging issues read as the dashboard shows them; an issue whose growth reaches
 * the tenant's threshold is claimed in the store (one process of several wins, and an issue that
 * stays flagged is not claimed again for {@link #REARM_DAYS}) and sent by webhook and/or email.
 * Every message's outcome is counted in {@code fixfinder_alerts_total{channel, outcome}}.
 */
public final class AlertsService {
  /** Days after an alert before the same issue alerts again: by then its growth is baseline. */
  public static final int REARM_DAYS = 28;

  /** The threshold when the tenant gives none: the growth that makes an issue emerging at all. */
  public static final double DEFAULT_MIN_GROWTH = 2.0;

  static final int RECENT_ALERTS = 20;
  private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);

  /** What a tenant sees and sets. */
  public record View(
      Optional<String> webhookUrl,
      Optional<String> email,
      double minGrowth,
      Optional<String> signingSecret,
      List<Sent> recent) {}

  /** An alert already claimed. */
  public record Sent(String issueId, LocalDate windowEnd, String outcome) {}

  /** What a tenant asks for; empty targets clear the settings. */
  public record Input(
      Optional<String> webhookUrl, Optional<String> email, Optional<Double> minGrowth) {
    public Input {
      webhookUrl = webhookUrl.map(String::strip).filter(s -> !s.isEmpty());
      email = email.map(String::strip).filter(s -> !s.isEmpty());
    }
  }

  /** One run's counts. */
  public record Run(int tenantsChecked, int alerts, int failed) {}

  private final Alerts alerts;
  private final AlertStore store;
  private final DashboardService dashboards;
  private final TargetPolicy policy;
  private final Webhooks webhooks;
  private final MeterRegistry registry;

  public AlertsService(
      Alerts alerts,
      DashboardService dashboards,
      TargetPolicy policy,
      Webhooks webhooks,
      MeterRegistry registry) {
    this.alerts = alerts;
    this.store = alerts.store();
    this.dashboards = dashboards;
    this.policy = policy;
    this.webhooks = webhooks;
    this.registry = registry;
    for (String channel : List.of("webhook", "email")) {
      for (String outcome : List.of("sent", "failed")) counter(channel, outcome);
    }
  }

  /** The tenant's settings and its recent alerts. */
  public View view(String tenantId) {
    Optional<AlertSettings> s = store.find(tenantId);
    List<Sent> recent =
        store.claims(tenantId, RECENT_ALERTS).stream()
            .map(
                c ->
                    new Sent(
                        c.issueId(), c.windowEnd(), c.outcome().name().toLowerCase(Locale.ROOT)))
            .toList();
    return new View(
        s.flatMap(AlertSettings::webhookUrl),
        s.flatMap(AlertSettings::email),
        s.map(AlertSettings::minGrowth).orElse(DEFAULT_MIN_GROWTH),
        s.map(AlertSettings::signingSecret),
        recent);
  }

  /**
   * Saves the tenant's settings; no target at all clears them.
   *
   * @throws InvalidInput naming each field refused and why (never quoting the value)
   */
  public View save(String tenantId, Input input) {
    Checked c = check(input, policy);
    if (c.webhookUrl().isEmpty() && c.email().isEmpty()) {
      store.clear(tenantId);
    } else {
      store.save(tenantId, c.webhookUrl(), c.email(), c.minGrowth());
    }
    return view(tenantId);
  }

  /** Settings that passed {@link #check}. */
  public record Checked(Optional<String> webhookUrl, Optional<String> email, double minGrowth) {}

  /**
   * The input checked: the webhook against {@code policy}, the address's shape, the threshold's
   * range (default {@value #DEFAULT_MIN_GROWTH}).
   *
   * @throws InvalidInput naming each field refused and why (never quoting the value)
   */
  public static Checked check(Input input, TargetPolicy policy) {
    List<FieldError> errors = new ArrayList<>();
    input
        .webhookUrl()
        .ifPresent(
            url -> {
              if (policy.check(url) instanceof TargetPolicy.Verdict.Refused r) {
                errors.add(new FieldError("webhookUrl", "the webhook URL " + r.reason()));
              }
            });
    Optional<String> email = Optional.empty();
    if (input.email().isPresent()) {
      email = EmailAddress.parse(input.email().get()).map(EmailAddress::value);
      if (email.isEmpty()) errors.add(new FieldError("email", "is not a valid email address"));
    }
    double minGrowth = input.minGrowth().orElse(DEFAULT_MIN_GROWTH);
    if (!(minGrowth >= AlertSettings.MIN_GROWTH && minGrowth <= AlertSettings.MAX_GROWTH)) {
      errors.add(
          new FieldError(
              "minGrowth",
              "must be a number from "
                  + (int) AlertSettings.MIN_GROWTH
                  + " to "
                  + (int) AlertSettings.MAX_GROWTH));
    }
    if (!errors.isEmpty()) throw new InvalidInput(errors);
    return new Checked(input.webhookUrl(), email, minGrowth);
  }

  /** Checks every tenant with a target once; what an {@link AlertJob} runs. */
  public Run runOnce() {
    LocalDate today = dashboards.today();
    int checked = 0;
    int sent = 0;
    int failed = 0;
    for (AlertSettings s : store.active()) {
      try {
        // before a full window of history every issue is "new": nothing is judged yet
        Optional<LocalDate> first = dashboards.firstDay(s.tenantId());
        if (first.isEmpty()
            || first.get().isAfter(today.minusDays(DashboardService.emergingWindowDays() - 1L))) {
          continue;
        }
        checked++;
        for (DashboardReport.Emerging e : dashboards.emerging(s.tenantId(), today)) {
          if (e.growth() < s.minGrowth()) continue;
          if (!store.claim(s.tenantId(), e.id(), today, REARM_DAYS)) continue;
          boolean ok = deliver(s, e, today);
          store.record(
              s.tenantId(),
              e.id(),
              today,
              ok ? AlertClaim.Outcome.SENT : AlertClaim.Outcome.FAILED);
          if (ok) sent++;
          else failed++;
        }
      } catch (RuntimeException e) {
        // one tenant's trouble (a database hiccup) must not stop the others' alerts
        LOG.warn("alerts for tenant {} not checked: {}", s.tenantId(), e.toString());
      }
    }
    return new Run(checked, sent, failed);
  }

  /** Sends one alert on each of the tenant's channels; true when every channel took it. */
  private boolean deliver(AlertSettings s, DashboardReport.Emerging e, LocalDate windowEnd) {
    boolean ok = true;
    if (s.webhookUrl().isPresent()) {
      Webhooks.Result r =
          webhooks.post(
              s.webhookUrl().get(), s.signingSecret(), payload(s.tenantId(), e, windowEnd));
      counter("webhook", r.delivered() ? "sent" : "failed").increment();
      if (!r.delivered()) {
        // the URL stays out of the log: it may hold a token
        LOG.warn(
            "alert webhook of tenant {} failed after {} attempt(s): {}",
            s.tenantId(),
            r.attempts(),
            r.detail());
        ok = false;
      }
    }
    if (s.email().isPresent()) {
      Delivery d = alerts.mailer().send(mail(s.email().get(), e, windowEnd));
      boolean mailed = d instanceof Delivery.Sent;
      counter("email", mailed ? "sent" : "failed").increment();
      ok &= mailed;
    }
    return ok;
  }

  /** The webhook's JSON body. */
  byte[] payload(String tenantId, DashboardReport.Emerging e, LocalDate windowEnd) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", "emerging-issue");
    root.put("tenant", tenantId);
    ObjectNode issue = root.putObject("issue");
    issue.put("id", e.id());
    issue.put("label", e.label());
    root.put("windowEnd", windowEnd.toString());
    root.put("last7Days", e.recent());
    root.put("previous28Days", e.baseline());
    root.put("growth", e.growth());
    root.put("pValue", e.pValue());
    root.put("significance", e.significance());
    root.put("dashboard", alerts.linkBase() + "/dashboard");
    root.put("issuePage", alerts.linkBase() + "/issue/" + e.id());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  MailMessage mail(String to, DashboardReport.Emerging e, LocalDate windowEnd) {
    String label = oneLine(e.label());
    String subject = "FixFinder alert: emerging issue " + label;
    if (subject.length() > 150) subject = subject.substring(0, 149) + "…";
    String body =
        String.format(
            Locale.ROOT,
            "An issue your customers search for is growing:%n%n  %s%n%n"
                + "Searches that showed it in the 7 days to %s: %d (the 28 days before: %d),"
                + " %.1f times its usual share; %s.%n%n"
                + "The issue: %s/issue/%s%nYour dashboard: %s/dashboard%n%n"
                + "You get this because your company's alert settings send it to this address;"
                + " change them at %s/dashboard/alerts. The same issue alerts again at the"
                + " earliest in %d days.%n",
            label,
            windowEnd,
            e.recent(),
            e.baseline(),
            e.growth(),
            e.significance(),
            alerts.linkBase(),
            e.id(),
            alerts.linkBase(),
            alerts.linkBase(),
            REARM_DAYS);
    return new MailMessage(to, subject, body);
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }

  private Counter counter(String channel, String outcome) {
    return Counter.builder("fixfinder.alerts")
        .description("Alerts on emerging issues sent to tenants, by channel and outcome")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry);
  }
}
