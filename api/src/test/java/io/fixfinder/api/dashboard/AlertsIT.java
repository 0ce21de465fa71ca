package io.fixfinder.api.dashboard;

import static io.fixfinder.api.dashboard.DashboardContract.assertProblem;
import static io.fixfinder.api.dashboard.DashboardContract.enc;
import static io.fixfinder.api.dashboard.DashboardContract.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.fixfinder.api.ApiServer;
import io.fixfinder.api.alerts.Alerts;
import io.fixfinder.api.alerts.Receiver;
import io.fixfinder.api.alerts.Webhooks;
import io.fixfinder.api.analytics.Analytics;
import io.fixfinder.api.analytics.AnalyticsRecorder;
import io.fixfinder.api.mail.SmtpMailer;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.alerts.AlertStore;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantStore;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts on emerging issues over HTTP against the real server on 127.0.0.1 and a real SQLite file:
 * the secret key reads and sets them (bad input is an {@code invalid-input} problem, internal
 * webhook addresses refused), the admin's form saves them with the CSRF token, and an alert run
 * sends a growing issue once, to a real webhook receiver (signature checked) and by SMTP to
 * GreenMail, and nothing for a tenant without a full window of history.
 */
class AlertsIT {
  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-03-10");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  Database db;
  IndexStore index;
  Analytics analytics;
  ApiServer server;
  IssuedKeys keys;
  Receiver receiver;
  final HttpClient http = HttpClient.newHttpClient();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  void start(boolean allowPrivate) throws Exception {
    start(allowPrivate, SMTP.getSmtp().getPort());
  }

  void start(boolean allowPrivate, int smtpPort) throws Exception {
    Path indexDir = dir.resolve("index");
    Indexer.rebuild(
        indexDir,
        16,
        Optional.empty(),
        DashboardContract.corpus(),
        new PrintStream(OutputStream.nullOutputStream()));
    index = IndexStore.open(indexDir, 16);
    db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SecretBox box = new SecretBox(key);
    TenantStore tenants = new TenantStore(db, box, clock);
    FixFinderConfig.Dashboard settings =
        allowPrivate
            ? FixFinderConfig.Dashboard.DEFAULTS.withPrivateAlertTargets()
            : FixFinderConfig.Dashboard.DEFAULTS;
    AnalyticsStore store = new AnalyticsStore(db);
    DashboardSessions sessions = new DashboardSessions(db, clock);
    AnalyticsRecorder recorder =
        new AnalyticsRecorder(
            store,
            sessions,
            new AnalyticsRecorder.Settings(5, 30, 400, Duration.ofSeconds(5)),
            clock);
    analytics = new Analytics(store, sessions, tenants, recorder, settings, clock);
    DashboardContract.MapIssues issues = new DashboardContract.MapIssues();
    List<io.fixfinder.core.model.SourceDoc> docs = DashboardContract.corpus();
    issues.add(
        DashboardContract.cluster("iss-aq-door", "Aqualine door won't open", "Aqualine"),
        docs.get(0),
        docs.get(1));
    SmtpMailer mailer =
        new SmtpMailer(
            new FixFinderConfig.Mail(
                "FixFinder <alerts@fixfinder.test>",
                "outbox",
                new FixFinderConfig.Smtp(
                    "127.0.0.1", smtpPort, "", FixFinderConfig.SmtpSecurity.NONE, 5)),
            Map.of());
    server =
        new ApiServer(
                DashboardContract.keyedBackends(
                        index,
                        issues,
                        db,
                        new FeedbackStore(db, clock),
                        dir,
                        tenants,
                        analytics,
                        clock)
                    .withAlerts(
                        new Alerts(
                            new AlertStore(db, box, clock),
                            mailer,
                            settings,
                            "https://fixfinder.example",
                            clock,
                            false)),
                DashboardContract.SERVER)
            .start("127.0.0.1", 0);
    keys = DashboardContract.aqualineSupport(tenants, 100_000, 1_000_000);
    receiver = new Receiver();
  }

  @AfterEach
  void close() throws Exception {
    if (server != null) server.close();
    if (analytics != null) analytics.recorder().close();
    if (receiver != null) receiver.close();
    if (index != null) index.close();
    if (db != null) db.close();
  }

  /** 35 days of history: a steady issue, and one that triples in the last week. */
  void seedGrowingIssue(int days) {
    String tenant = keys.tenant().id();
    List<AnalyticsStore.DayCount> totals = new ArrayList<>();
    List<AnalyticsStore.IssueCount> counts = new ArrayList<>();
    java.util.Random random = new java.util.Random(16);
    for (int back = days - 1; back >= 0; back--) {
      LocalDate day = TODAY.minusDays(back);
      long steady = 20 + random.nextInt(5);
      long door = back < 7 ? 15 + random.nextInt(4) : 4;
      totals.add(new AnalyticsStore.DayCount(tenant, day, steady + door, 0, 0));
      counts.add(DashboardContract.issueDay(tenant, day, "iss-aq-drain", steady));
      counts.add(DashboardContract.issueDay(tenant, day, "iss-aq-door", door));
    }
    analytics.store().add(new AnalyticsStore.Batch(totals, List.of(), counts));
  }

  // ---- the JSON endpoint

  @Test
  void theSecretKeyReadsAndSetsTheAlertsAndBadInputIsAProblem() throws Exception {
    start(true);
    assertProblem(get("/api/dashboard/alerts"), 401, "api-key-required");
    assertProblem(
        get("/api/dashboard/alerts", "X-Api-Key", keys.publishableKey()),
        403,
        "secret-key-required");
    JsonNode empty = json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()));
    assertThat(empty.get("webhookUrl").isNull()).isTrue();
    assertThat(empty.get("email").isNull()).isTrue();
    assertThat(empty.get("minGrowth").asDouble()).isEqualTo(2.0);
    assertThat(empty.get("signingSecret").isNull()).isTrue();

    String hook = receiver.url("/hook");
    JsonNode saved =
        json(
            put(
                "{\"webhookUrl\":\""
                    + hook
                    + "\",\"email\":\"support@aqualine.example\","
                    + "\"minGrowth\":2.5}"));
    assertThat(saved.get("webhookUrl").asText()).isEqualTo(hook);
    assertThat(saved.get("email").asText()).isEqualTo("support@aqualine.example");
    assertThat(saved.get("minGrowth").asDouble()).isEqualTo(2.5);
    assertThat(saved.get("signingSecret").asText()).startsWith("whsec_");
    assertThat(json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()))).isEqualTo(saved);
    // nothing readable at rest
    assertThat(dump("SELECT * FROM alert_settings"))
        .doesNotContain("aqualine.example")
        .doesNotContain("127.0.0.1")
        .doesNotContain(saved.get("signingSecret").asText());

    HttpResponse<String> bad =
        put("{\"webhookUrl\":\"ftp://x.example/\",\"email\":\"not an address\",\"minGrowth\":0}");
    assertProblem(bad, 400, "invalid-input");
    assertThat(Json.mapper().readTree(bad.body()).get("detail").asText())
        .contains("webhookUrl")
        .contains("email")
        .contains("minGrowth")
        .doesNotContain("not an address");
    assertProblem(put("{\"webhook\":\"https://x.example/\"}"), 400, "unknown-field");
    assertProblem(put("{\"minGrowth\":\"two\"}"), 400, "invalid-input");
    assertProblem(put("[1,2]"), 400, "invalid-body");
    assertProblem(put("{"), 400, "malformed-json");
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(uri("/api/dashboard/alerts"))
                .header("X-Api-Key", keys.secretKey())
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(form, 415, "unsupported-media-type");
    // the refused settings left the saved ones alone
    assertThat(json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()))).isEqualTo(saved);
    // both targets empty: alerts off
    JsonNode off = json(put("{\"webhookUrl\":null,\"email\":\"\"}"));
    assertThat(off.get("webhookUrl").isNull()).isTrue();
    assertThat(off.get("email").isNull()).isTrue();
  }

  @Test
  void webhooksIntoInternalNetworksAreRefused() throws Exception {
    start(false);
    for (String url :
        List.of(
            receiver.url("/hook"),
            "https://127.0.0.1/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.8/",
            "https://[::1]/",
            "https://[fd12::1]/",
            "http://93.184.216.34/hook")) {
      HttpResponse<String> r = put("{\"webhookUrl\":\"" + url + "\"}");
      assertProblem(r, 400, "invalid-input");
      assertThat(Json.mapper().readTree(r.body()).get("detail").asText())
          .startsWith("webhookUrl: ")
          .doesNotContain(url);
    }
    assertThat(dump("SELECT * FROM alert_settings")).isEmpty();
  }

  // ---- the alert run

  @Test
  void aGrowingIssueIsSentOnceByWebhookAndEmailSignedAndCounted() throws Exception {
    start(true);
    seedGrowingIssue(35);
    JsonNode saved =
        json(
            put(
                "{\"webhookUrl\":\""
                    + receiver.url("/hook")
                    + "\",\"email\":\"support@aqualine.example\"}"));
    var run = server.alerts().orElseThrow().runOnce();
    assertThat(run.alerts()).isEqualTo(1);
    assertThat(run.failed()).isZero();

    List<Receiver.Hit> hits = receiver.hits();
    assertThat(hits).hasSize(1);
    Receiver.Hit hit = hits.get(0);
    Matcher m = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(hit.signature());
    assertThat(m.matches()).isTrue();
    assertThat(m.group(1)).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(m.group(2))
        .isEqualTo(
            Webhooks.signature(
                saved.get("signingSecret").asText(),
                Long.parseLong(m.group(1)),
                hit.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    JsonNode body = Json.mapper().readTree(hit.body());
    assertThat(body.get("type").asText()).isEqualTo("emerging-issue");
    assertThat(body.at("/issue/id").asText()).isEqualTo("iss-aq-door");
    assertThat(body.get("windowEnd").asText()).isEqualTo("2026-03-10");
    assertThat(body.get("growth").asDouble()).isGreaterThan(2);
    assertThat(body.get("issuePage").asText())
        .isEqualTo("https://fixfinder.example/issue/iss-aq-door");

    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("support@aqualine.example");
    assertThat(mails[0].getSubject()).startsWith("FixFinder alert: emerging issue");
    assertThat(((String) mails[0].getContent()))
        .contains("https://fixfinder.example/issue/iss-aq-door");

    // the next run, and the next days while it stays flagged: nothing more
    assertThat(server.alerts().orElseThrow().runOnce().alerts()).isZero();
    assertThat(receiver.hits()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);

    JsonNode after = json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()));
    assertThat(after.at("/recent/0/issueId").asText()).isEqualTo("iss-aq-door");
    assertThat(after.at("/recent/0/outcome").asText()).isEqualTo("sent");
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("fixfinder_alerts_total{channel=\"webhook\",outcome=\"sent\"} 1.0")
        .contains("fixfinder_alerts_total{channel=\"email\",outcome=\"sent\"} 1.0")
        .contains("fixfinder_alerts_total{channel=\"webhook\",outcome=\"failed\"} 0.0");
  }

  @Test
  void aFailingWebhookIsTriedAgainAndCountedAsSentOnceItAnswers() throws Exception {
    start(true);
    seedGrowingIssue(35);
    json(put("{\"webhookUrl\":\"" + receiver.url("/hook") + "\"}"));
    receiver.answer(500);
    assertThat(server.alerts().orElseThrow().runOnce().alerts()).isEqualTo(1);
    // the same signed body twice, 2 s apart
    assertThat(receiver.hits()).hasSize(2);
    assertThat(receiver.hits().get(1).body()).isEqualTo(receiver.hits().get(0).body());
  }

  @Test
  void aMailThatCannotBeSentIsRecordedAndCountedAsFailedAndNotRepeated() throws Exception {
    int deadPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    start(true, deadPort);
    seedGrowingIssue(35);
    json(put("{\"email\":\"support@aqualine.example\"}"));
    var run = server.alerts().orElseThrow().runOnce();
    assertThat(run.alerts()).isZero();
    assertThat(run.failed()).isEqualTo(1);
    JsonNode after = json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()));
    assertThat(after.at("/recent/0/outcome").asText()).isEqualTo("failed");
    assertThat(get("/metrics").body())
        .contains("fixfinder_alerts_total{channel=\"email\",outcome=\"failed\"} 1.0");
    // claimed once: a later run does not try again (no flood when a mail server is down)
    assertThat(server.alerts().orElseThrow().runOnce().failed()).isZero();
  }

  @Test
  void aTenantWithoutAFullWindowOfHistoryIsNotJudgedYet() throws Exception {
    start(true);
    seedGrowingIssue(20);
    json(put("{\"webhookUrl\":\"" + receiver.url("/hook") + "\"}"));
    var run = server.alerts().orElseThrow().runOnce();
    assertThat(run.tenantsChecked()).isZero();
    assertThat(receiver.hits()).isEmpty();
  }

  // ---- the form

  @Test
  void theAdminsFormSavesWithTheCsrfTokenAndShowsErrorsByField() throws Exception {
    start(false);
    assertThat(get("/dashboard/alerts").statusCode()).isEqualTo(303);
    HttpResponse<String> ok =
        post(
            "/dashboard/login",
            "key=" + enc(keys.secretKey()),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Sec-Fetch-Site",
            "same-origin");
    List<String> cookies =
        ok.headers().allValues("set-cookie").stream()
            .map(c -> c.substring(0, c.indexOf(';')))
            .toList();
    String cookie = String.join("; ", cookies);
    String csrf =
        cookies.stream()
            .filter(c -> c.startsWith("ff_dashboard_csrf="))
            .findFirst()
            .orElseThrow()
            .substring("ff_dashboard_csrf=".length());
    HttpResponse<String> page = get("/dashboard/alerts", "Cookie", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("name=\"csrf\" value=\"" + csrf + "\"")
        .contains("<label for=\"webhookUrl\">")
        .contains("No alert has been sent yet.");
    assertThat(get("/dashboard", "Cookie", cookie).body()).contains("href=\"/dashboard/alerts\"");

    String form = "webhookUrl=" + enc("https://10.0.0.8/x") + "&email=nope&minGrowth=abc";
    assertProblem(
        post(
            "/dashboard/alerts",
            form,
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie,
            "Sec-Fetch-Site",
            "same-origin"),
        403,
        "csrf-token");
    assertProblem(
        post(
            "/dashboard/alerts",
            form + "&csrf=" + csrf,
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie,
            "Sec-Fetch-Site",
            "cross-site"),
        403,
        "cross-site-form");
    HttpResponse<String> errors =
        post(
            "/dashboard/alerts",
            form + "&csrf=" + csrf,
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(errors.statusCode()).isEqualTo(400);
    assertThat(errors.body())
        .contains("<title>Error: ")
        .contains("role=\"alert\"")
        .contains("href=\"#minGrowth\"")
        .contains("aria-invalid=\"true\"")
        // what was typed stays in the fields
        .contains("value=\"https://10.0.0.8/x\"");
    // the number was refused first; with a number, the address and the webhook are named
    errors =
        post(
            "/dashboard/alerts",
            "webhookUrl=" + enc("https://10.0.0.8/x") + "&email=nope&minGrowth=3&csrf=" + csrf,
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(errors.body()).contains("href=\"#webhookUrl\"").contains("href=\"#email\"");

    HttpResponse<String> saved =
        post(
            "/dashboard/alerts",
            "webhookUrl=&email=" + enc("ops@aqualine.example") + "&minGrowth=3&csrf=" + csrf,
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("location")).contains("/dashboard/alerts?saved=1");
    String after = get("/dashboard/alerts?saved=1", "Cookie", cookie).body();
    assertThat(after)
        .contains("Saved: alerts are on.")
        .contains("value=\"ops@aqualine.example\"")
        .contains("value=\"3\"")
        .contains("whsec_");
    JsonNode api = json(get("/api/dashboard/alerts", "X-Api-Key", keys.secretKey()));
    assertThat(api.get("email").asText()).isEqualTo("ops@aqualine.example");
    assertThat(api.get("minGrowth").asDouble()).isEqualTo(3.0);
  }

  // ---- helpers

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/dashboard/alerts"))
            .header("X-Api-Key", keys.secretKey())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String dump(String sql) {
    StringBuilder out = new StringBuilder();
    db.read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(rs.getString(i)).append('|');
              }
            }
          }
          return null;
        });
    return out.toString();
  }
}
