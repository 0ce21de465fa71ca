package io.fixfinder.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.ApiServer;
import io.fixfinder.api.analytics.Analytics;
import io.fixfinder.api.analytics.AnalyticsRecorder;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.tenants.Tenancy;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The company dashboard over HTTP against the real server on 127.0.0.1, an on-disk index with two
 * brands' drain issues and a real database: what a publishable key's searches, issue opens and
 * votes leave is what the secret key's dashboard shows, aggregated; a text under the minimum count
 * or one that looks like personal data is in no table (checked with SQL); the dashboard takes only
 * a valid secret key from a server; the sign-in pages set a strict cookie and sign out only with
 * the CSRF token. A subclass says which database engine.
 */
abstract class DashboardContract {
  static final String ORIGIN = "https://help.aqualine.example";
  static final String DRAIN = "washing machine won't drain";
  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  abstract Database openDatabase(Path dir) throws Exception;

  @TempDir Path dir;
  Database db;
  IndexStore index;
  TenantStore tenants;
  Analytics analytics;
  ApiServer server;
  IssuedKeys keys;
  final HttpClient http = HttpClient.newHttpClient();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeEach
  void build() throws Exception {
    Path indexDir = dir.resolve("index");
    Indexer.rebuild(
        indexDir, 16, Optional.empty(), corpus(), new PrintStream(OutputStream.nullOutputStream()));
    index = IndexStore.open(indexDir, 16);
    db = openDatabase(dir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    tenants = new TenantStore(db, new SecretBox(key), clock);
    FixFinderConfig.Dashboard settings = FixFinderConfig.Dashboard.DEFAULTS;
    AnalyticsStore store = new AnalyticsStore(db);
    DashboardSessions sessions = new DashboardSessions(db, clock);
    // not started: the test flushes when it wants the counts written
    AnalyticsRecorder recorder =
        new AnalyticsRecorder(
            store,
            sessions,
            new AnalyticsRecorder.Settings(
                settings.minQueryCount(),
                settings.queryRetentionDays(),
                settings.retentionDays(),
                Duration.ofSeconds(settings.flushSeconds())),
            clock);
    analytics = new Analytics(store, sessions, tenants, recorder, settings, clock);
    MapIssues issues = new MapIssues();
    List<SourceDoc> docs = corpus();
    issues.add(
        cluster("iss-aq-drain", "Aqualine washing machine won't drain", "Aqualine"),
        docs.get(0),
        docs.get(1));
    issues.add(
        cluster("iss-ke-drain", "Kesseler washing machine won't drain", "Kesseler"),
        docs.get(2),
        docs.get(3));
    FeedbackStore feedback = new FeedbackStore(db, clock);
    server =
        new ApiServer(
                keyedBackends(index, issues, db, feedback, dir, tenants, analytics, clock), SERVER)
            .start("127.0.0.1", 0);
    keys = aqualineSupport(tenants, 100_000, 1_000_000);
  }

  /** The server settings of the dashboard tests: loopback, generous limits. */
  static final FixFinderConfig.Server SERVER =
      new FixFinderConfig.Server(
          "127.0.0.1", 0, List.of(), 6000, 1000, List.of(), 10, 0, 16, 64, "");

  /** Backends over the test's index and issues, companies' keys checked and their use counted. */
  static ApiServer.Backends keyedBackends(
      IndexStore index,
      IssueSource issues,
      Database db,
      FeedbackStore feedback,
      Path dir,
      TenantStore tenants,
      Analytics analytics,
      Clock clock) {
    return ApiServer.Backends.of(
            index,
            new Searcher(index.searchers(), KeyExtractor.builtIn()),
            issues,
            item -> issues.get(item.id()).isPresent(),
            db,
            feedback,
            CrawlStats.fromFile(dir.resolve("crawl/last-run.json")))
        .withTenancy(new Tenancy(tenants, Duration.ZERO, clock, System::nanoTime))
        .withAnalytics(analytics);
  }

  /** The Aqualine company's tenant, scoped to its brand and used from {@link #ORIGIN}. */
  static IssuedKeys aqualineSupport(TenantStore tenants, int perMinute, int perDay) {
    return tenants.create(
        new TenantRules(Lexicon.builtIn())
            .check(
                new TenantSpec(
                    "Aqualine Support",
                    List.of("Aqualine"),
                    List.of(),
                    List.of(ORIGIN),
                    perMinute,
                    perDay)));
  }

  @AfterEach
  void close() throws Exception {
    server.close();
    analytics.recorder().close();
    index.close();
    db.close();
  }

  // ---- the JSON endpoint

  @Test
  void aPublishableKeysSearchesOpensAndVotesShowInTheSecretKeysDashboardAggregated()
      throws Exception {
    String pk = keys.publishableKey();
    for (int i = 0; i < 6; i++)
      assertThat(get(search(DRAIN), "X-Api-Key", pk, "Origin", ORIGIN).statusCode()).isEqualTo(200);
    // the same text however typed is one query
    assertThat(get(search("  Washing MACHINE   won't drain "), "X-Api-Key", pk).statusCode())
        .isEqualTo(200);
    for (int i = 0; i < 2; i++) get(search("zebra crossing lamp"), "X-Api-Key", pk);
    get(search("jane.doe@example.org drain pump"), "X-Api-Key", pk);
    // anonymous traffic is never counted; a second page is the same search
    for (int i = 0; i < 3; i++) get(search(DRAIN));
    get(search(DRAIN) + "&page=2", "X-Api-Key", pk);
    JsonNode shown = json(get(search(DRAIN), "X-Api-Key", keys.secretKey()));
    assertThat(shown.at("/issues/0/issue/id").asText())
        .as("the Aqualine drain issue is grouped")
        .isEqualTo("iss-aq-drain");
    // opening the issue twice (the click signal), and a vote on it
    for (int i = 0; i < 2; i++) {
      assertThat(get("/api/issues/iss-aq-drain", "X-Api-Key", pk).statusCode()).isEqualTo(200);
    }
    assertThat(
            post(
                    "/api/feedback",
                    "{\"item\":\"issue:iss-aq-drain\",\"answer\":\"yes\"}",
                    "Content-Type",
                    "application/json",
                    "X-Api-Key",
                    pk)
                .statusCode())
        .isEqualTo(200);
    analytics.recorder().flush();

    JsonNode d = json(get("/api/dashboard?days=7", "X-Api-Key", keys.secretKey()));
    assertThat(d.get("tenantName").asText()).isEqualTo("Aqualine Support");
    assertThat(d.get("to").asText()).isEqualTo("2026-03-10");
    assertThat(d.get("daily")).hasSize(7);
    // 6 + 1 + 2 + 1 + the secret key's own search: 11; anonymous and page 2 not counted
    assertThat(d.at("/totals/searches").asLong()).isEqualTo(11);
    assertThat(d.at("/totals/issueOpens").asLong()).isEqualTo(2);
    assertThat(d.at("/totals/clickThrough").asDouble()).isCloseTo(2 / 11.0, within());
    assertThat(d.at("/daily/6/searches").asLong()).isEqualTo(11);
    assertThat(d.get("topQueries")).hasSize(1);
    assertThat(d.at("/topQueries/0/query").asText()).isEqualTo(DRAIN);
    assertThat(d.at("/topQueries/0/searches").asLong()).isEqualTo(8);
    JsonNode issue = null;
    for (JsonNode i : d.get("issues")) if (i.get("id").asText().equals("iss-aq-drain")) issue = i;
    assertThat(issue).as(d.get("issues").toString()).isNotNull();
    assertThat(issue.get("label").asText()).isEqualTo("Aqualine washing machine won't drain");
    assertThat(issue.get("shown").asLong()).isGreaterThanOrEqualTo(8);
    assertThat(issue.get("opened").asLong()).isEqualTo(2);
    assertThat(issue.get("yes").asLong()).isEqualTo(1);
    assertThat(issue.get("fixRate").isNull()).as("one vote is too few").isTrue();
    assertThat(d.toString()).doesNotContain("Kesseler").doesNotContain("zebra");

    // CSV of a table
    HttpResponse<String> csv =
        get("/api/dashboard?days=7&format=csv&table=top-queries", "X-Api-Key", keys.secretKey());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .isEqualTo(
            "query,searches,no_good_answer\r\n"
                + DRAIN
                + ",8,"
                + d.at("/topQueries/0/unanswered").asLong()
                + "\r\n");
    assertProblem(
        get("/api/dashboard?format=csv&table=secrets", "X-Api-Key", keys.secretKey()),
        400,
        "invalid-parameter");
  }

  @Test
  void aTextUnderTheMinimumAndAPersonalLookingTextAreInNoTable() throws Exception {
    String pk = keys.publishableKey();
    for (int i = 0; i < 4; i++) get(search("zebra crossing lamp"), "X-Api-Key", pk);
    for (String personal :
        List.of("jane.doe@example.org drain", "call 0612 345 678 washer", "serial 123456789")) {
      for (int i = 0; i < 6; i++) get(search(personal), "X-Api-Key", pk);
    }
    analytics.recorder().flush();
    List<String> held = everyTextHeld();
    assertThat(held).contains("zebra crossing lamp");
    for (String s : held) {
      if (s.matches("tn_[0-9a-f]{12}")) continue; // our random tenant id may hold "345" by chance
      assertThat(s)
          .doesNotContain("jane")
          .doesNotContain("example.org")
          .doesNotContain("345")
          .doesNotContain("123456789");
    }
    assertThat(json(get("/api/dashboard", "X-Api-Key", keys.secretKey())).toString())
        .doesNotContain("zebra");
    // the day closes: the text searched 4 times (under 5) is gone from every table
    analytics.store().rollUp(LocalDate.parse("2026-03-11"), 5, 30, 400);
    assertThat(everyTextHeld()).noneMatch(s -> s.contains("zebra"));
    // its searches still count
    assertThat(
            json(get("/api/dashboard", "X-Api-Key", keys.secretKey()))
                .at("/totals/searches")
                .asLong())
        .isEqualTo(22);
  }

  @Test
  void noAnalyticsTableHasAnAddressKeyOrUserAgentColumn() {
    List<String> columns = new ArrayList<>();
    db.read(
        c -> {
          for (String table : AnalyticsStore.tables()) {
            try (var st = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                var rs = st.executeQuery()) {
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
              }
            }
          }
          return null;
        });
    assertThat(columns).isNotEmpty();
    assertThat(columns)
        .noneMatch(
            c ->
                c.contains("ip")
                    || c.contains("addr")
                    || c.contains("key")
                    || c.contains("agent")
                    || c.contains("client"));
  }

  @Test
  void theDashboardTakesOnlyAValidSecretKeyFromAServer() throws Exception {
    assertProblem(get("/api/dashboard"), 401, "api-key-required");
    assertProblem(
        get("/api/dashboard", "X-Api-Key", keys.publishableKey()), 403, "secret-key-required");
    assertProblem(
        get("/api/dashboard", "X-Api-Key", keys.secretKey(), "Origin", ORIGIN),
        403,
        "origin-not-allowed");
    assertProblem(
        get("/api/dashboard", "X-Api-Key", "sk_" + "A".repeat(43)), 401, "unknown-api-key");
    assertThat(get("/api/dashboard", "X-Api-Key", keys.secretKey()).statusCode()).isEqualTo(200);
    tenants.revoke(keys.tenant().id());
    assertProblem(get("/api/dashboard", "X-Api-Key", keys.secretKey()), 401, "unknown-api-key");
  }

  @Test
  void aGrowingIssueIsEmergingInTheJsonAndChartedOnThePageAQuietOneIsNot() throws Exception {
    String tenant = keys.tenant().id();
    LocalDate today = LocalDate.parse("2026-03-10");
    List<AnalyticsStore.IssueCount> counts = new ArrayList<>();
    java.util.Random random = new java.util.Random(16);
    for (int back = 34; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      // a steady issue, and one that triples in the last week
      counts.add(issueDay(tenant, day, "iss-aq-drain", 20 + random.nextInt(5)));
      counts.add(issueDay(tenant, day, "iss-aq-door", back < 7 ? 15 + random.nextInt(4) : 4));
    }
    analytics.store().add(new AnalyticsStore.Batch(List.of(), List.of(), counts));
    JsonNode d = json(get("/api/dashboard", "X-Api-Key", keys.secretKey()));
    assertThat(d.get("emerging")).as(d.get("emerging").toString()).hasSize(1);
    JsonNode e = d.at("/emerging/0");
    assertThat(e.get("id").asText()).isEqualTo("iss-aq-door");
    assertThat(e.get("recent").asLong()).isGreaterThanOrEqualTo(7 * 15);
    assertThat(e.get("baseline").asLong()).isEqualTo(28 * 4);
    assertThat(e.get("growth").asDouble()).isGreaterThan(2);
    assertThat(e.get("pValue").asDouble()).isLessThan(0.001);
    assertThat(e.get("significance").asText()).contains("chance");
    assertThat(e.get("dailyShown")).hasSize(35);
    assertThat(e.get("label").asText()).isEqualTo("(issue no longer in the index)");

    HttpResponse<String> ok = login(keys.secretKey());
    String cookie =
        String.join(
            "; ",
            ok.headers().allValues("set-cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .toList());
    String page = get("/dashboard", "Cookie", cookie).body();
    assertThat(page).contains("id=\"chart-emerging-0-title\"").contains("Emerging issues");
    HttpResponse<String> csv = get("/dashboard/export/emerging.csv", "Cookie", cookie);
    assertThat(csv.body())
        .startsWith("issue_id,label,last_7_days,previous_28_days,growth,p_value\r\niss-aq-door,");
  }

  static AnalyticsStore.IssueCount issueDay(
      String tenant, LocalDate day, String issue, long shown) {
    return new AnalyticsStore.IssueCount(tenant, day, issue, shown, 0, 0, 0, 0);
  }

  // ---- the pages

  @Test
  void signInWithTheSecretKeySetsAStrictCookieAndSignOutNeedsTheCsrfToken() throws Exception {
    for (int i = 0; i < 5; i++)
      get(search("=cmd|' /c calc'!a1 drain"), "X-Api-Key", keys.publishableKey());
    analytics.recorder().flush();

    HttpResponse<String> form = get("/dashboard");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"key\"").contains("<label for=\"key\">");

    HttpResponse<String> wrong = login("sk_" + "B".repeat(43));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("role=\"alert\"").contains("not valid");
    assertThat(wrong.headers().allValues("set-cookie")).isEmpty();
    HttpResponse<String> publishable = login(keys.publishableKey());
    assertThat(publishable.statusCode()).isEqualTo(401);
    assertThat(publishable.body()).contains("publishable key");
    assertProblem(
        post(
            "/dashboard/login",
            "key=" + enc(keys.secretKey()),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Origin",
            "https://evil.example"),
        403,
        "cross-site-form");

    HttpResponse<String> ok = login(keys.secretKey());
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("location")).contains("/dashboard");
    List<String> cookies = ok.headers().allValues("set-cookie");
    assertThat(cookies).hasSize(2);
    for (String c : cookies) {
      assertThat(c)
          .contains("HttpOnly")
          .contains("SameSite=Strict")
          .contains("Path=/dashboard")
          .contains("Max-Age=28800")
          .as("plain http: not Secure")
          .doesNotContain("Secure");
      assertThat(c).doesNotContain(keys.secretKey());
    }
    String cookie =
        String.join("; ", cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());

    HttpResponse<String> page = get("/dashboard", "Cookie", cookie);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("cache-control")).contains("no-store");
    assertThat(page.body())
        .contains("Aqualine Support")
        .contains("<svg role=\"img\"")
        .contains("<desc id=\"chart-searches-desc\">")
        .contains("<th scope=\"row\">=cmd|' /c calc'!a1 drain</th>")
        .doesNotContain(keys.secretKey());

    HttpResponse<String> csv = get("/dashboard/export/top-queries.csv", "Cookie", cookie);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("\"'=cmd|' /c calc'!a1 drain\",5,");
    assertProblem(get("/dashboard/export/top-queries.csv"), 401, "not-signed-in");
    assertProblem(get("/dashboard/export/passwords.csv", "Cookie", cookie), 404, "not-found");

    assertProblem(
        post(
            "/dashboard/logout",
            "csrf=wrong",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie),
        403,
        "csrf-token");
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> out =
        post(
            "/dashboard/logout",
            "csrf=" + enc(m.group(1)),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            cookie);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().allValues("set-cookie")).allMatch(c -> c.contains("Max-Age=0"));
    assertThat(get("/dashboard", "Cookie", cookie).body())
        .contains("name=\"key\"")
        .doesNotContain("Aqualine Support");
  }

  // ---- helpers

  HttpResponse<String> login(String key) throws Exception {
    return post(
        "/dashboard/login",
        "key=" + enc(key),
        "Content-Type",
        "application/x-www-form-urlencoded",
        "Sec-Fetch-Site",
        "same-origin");
  }

  List<String> everyTextHeld() {
    List<String> out = new ArrayList<>();
    db.read(
        c -> {
          for (String table : AnalyticsStore.tables()) {
            try (var st = c.prepareStatement("SELECT * FROM " + table);
                var rs = st.executeQuery()) {
              while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                  Object v = rs.getObject(i);
                  if (v instanceof String s) out.add(s);
                }
              }
            }
          }
          return null;
        });
    return out;
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  static String search(String q) {
    return "/api/search?q=" + enc(q);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(Json.mapper().readTree(r.body()).get("type").asText())
        .isEqualTo("https://fixfinder.dev/problems/" + type);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static IssueCluster cluster(String id, String label, String brand) {
    return new IssueCluster(
        id,
        label,
        new ProductRef("washing-machine", brand, ""),
        List.of(),
        List.of(),
        2,
        Map.of(),
        null,
        Map.of(),
        Instant.EPOCH,
        null);
  }

  static List<SourceDoc> corpus() {
    return List.of(
        doc(
            "http://f/aq1",
            "Aqualine WM-8420X washing machine won't drain E18",
            "Cleaned the drain pump filter of the washing machine.",
            new ProductRef("washing-machine", "Aqualine", "WM-8420X")),
        doc(
            "http://f/aq2",
            "Aqualine WM-6210 washing machine won't drain",
            "The drain hose was kinked behind the washing machine.",
            new ProductRef("washing-machine", "Aqualine", "WM-6210")),
        doc(
            "http://f/ke1",
            "Kesseler WAK-2840 washing machine won't drain F21",
            "Drain fault F21: the pump was blocked by a sock.",
            new ProductRef("washing-machine", "Kesseler", "WAK-2840")),
        doc(
            "http://f/ke2",
            "Kesseler WAK-2840 washing machine won't drain, water left in drum",
            "Washing machine does not drain, replaced the drain pump.",
            new ProductRef("washing-machine", "Kesseler", "WAK-2840")));
  }

  static SourceDoc doc(String url, String title, String text, ProductRef p) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "f",
        title,
        text,
        p,
        List.of(),
        List.of("wont-drain"),
        true,
        Instant.parse("2025-01-01T00:00:00Z"),
        new Details.Thread("q", 1, 2, text, 9, 9));
  }

  /** Clusters held in maps: the smallest real {@link IssueSource}. */
  static final class MapIssues implements IssueSource {
    private final Map<String, IssueCluster> clusters = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, String> byDoc = new HashMap<>();

    void add(IssueCluster c, SourceDoc... docs) {
      clusters.put(c.id(), c);
      members.put(c.id(), java.util.Arrays.stream(docs).map(SourceDoc::id).toList());
      for (SourceDoc d : docs) byDoc.put(d.id(), c.id());
    }

    @Override
    public Optional<IssueCluster> get(String clusterId) {
      return Optional.ofNullable(clusters.get(clusterId));
    }

    @Override
    public Optional<String> clusterOf(String docId) {
      return Optional.ofNullable(byDoc.get(docId));
    }

    @Override
    public List<String> members(String clusterId) {
      return members.getOrDefault(clusterId, List.of());
    }

    @Override
    public List<IssueCluster> related(String clusterId, int n) {
      return clusters.values().stream().filter(c -> !c.id().equals(clusterId)).limit(n).toList();
    }
  }
}
