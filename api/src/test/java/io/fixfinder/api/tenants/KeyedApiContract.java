package io.fixfinder.api.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.ApiServer;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Companies' keys over HTTP against the real server on 127.0.0.1, a small on-disk index of two
 * competing brands (Aqualine and Kesseler washing machines, and a record of no brand) and a real
 * database: every key state, the scope on search (hits, total, facets), suggest, products and
 * feedback, limits per tenant and per address, and no key in any log line, metric or problem. A
 * subclass says which database engine.
 */
abstract class KeyedApiContract {
  static final String ORIGIN = "https://help.aqualine.example";
  static final Duration CACHE = Duration.ofSeconds(5);

  abstract Database openDatabase(Path dir) throws Exception;

  @TempDir Path dir;
  Database db;
  IndexStore index;
  TenantStore tenants;
  final Ticker ticker = new Ticker();
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final HttpClient http = HttpClient.newHttpClient();
  final List<ApiServer> servers = new ArrayList<>();

  /** The tenancy of the last server started (what the store's change feed tells to forget). */
  Tenancy tenancy;

  Path accessLog;

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
    accessLog = dir.resolve("access.log");
  }

  @AfterEach
  void close() throws Exception {
    for (ApiServer s : servers) s.close();
    index.close();
    db.close();
  }

  static List<SourceDoc> corpus() {
    return List.of(
        doc(
            "http://f/aq1",
            "Aqualine WM-8420X won't drain E18",
            "Cleaned the drain pump filter.",
            new ProductRef("washing-machine", "Aqualine", "WM-8420X"),
            List.of("E18")),
        doc(
            "http://f/aq2",
            "Aqualine WM-6210 washing machine not draining",
            "The drain hose was kinked behind the washing machine.",
            new ProductRef("washing-machine", "Aqualine", "WM-6210"),
            List.of()),
        doc(
            "http://f/ke1",
            "Kesseler WAK-2840 washing machine won't drain F21",
            "Drain fault F21: the pump was blocked by a sock.",
            new ProductRef("washing-machine", "Kesseler", "WAK-2840"),
            List.of("F21")),
        doc(
            "http://f/ke2",
            "Kesseler WAK-2840 drain pump noise and water left in drum",
            "Washing machine does not drain, replaced the drain pump.",
            new ProductRef("washing-machine", "Kesseler", "WAK-2840"),
            List.of()),
        doc(
            "http://f/any",
            "Washing machine won't drain: check the filter",
            "Any washing machine that won't drain: check the pump filter first.",
            new ProductRef("washing-machine", "", ""),
            List.of()));
  }

  static SourceDoc doc(String url, String title, String text, ProductRef p, List<String> codes) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "f",
        title,
        text,
        p,
        codes,
        List.of("wont-drain"),
        true,
        Instant.parse("2025-01-01T00:00:00Z"),
        new Details.Thread("q", 1, 2, text, 9, 9));
  }

  /** A server with tenants over the same index and database; {@code limits} its per-address. */
  ApiServer server(int perMinute, int burst) {
    FixFinderConfig.Server settings =
        new FixFinderConfig.Server(
            "127.0.0.1",
            0,
            List.of(),
            perMinute,
            burst,
            List.of(),
            10,
            0,
            16,
            64,
            accessLog.toString());
    FeedbackStore feedback = new FeedbackStore(db, clock);
    ApiServer s =
        new ApiServer(
                ApiServer.Backends.withoutClusters(
                        index,
                        new Searcher(index.searchers(), KeyExtractor.builtIn()),
                        db,
                        feedback,
                        CrawlStats.fromFile(dir.resolve("crawl/last-run.json")))
                    .withTenancy(tenancy = new Tenancy(tenants, CACHE, clock, ticker)),
                settings)
            .start("127.0.0.1", 0);
    servers.add(s);
    return s;
  }

  ApiServer server() {
    return server(6000, 1000);
  }

  IssuedKeys aqualine(int perMinute, int perDay) {
    return tenants.create(
        new TenantRules(Lexicon.builtIn())
            .check(
                new TenantSpec(
                    "Aqualine",
                    List.of("Aqualine"),
                    List.of(),
                    List.of(ORIGIN),
                    perMinute,
                    perDay)));
  }

  HttpResponse<String> get(ApiServer s, String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(ApiServer s, String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) b.headers(headers);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("type").asText()).isEqualTo("https://fixfinder.dev/problems/" + type);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static final String SEARCH = "/api/search?q=washing+machine+won%27t+drain";

  @Test
  void aValidKeyIsServedWithinItsScopeFromItsOriginsAndWithoutAnOrigin() throws Exception {
    ApiServer s = server();
    IssuedKeys keys = aqualine(600, 10_000);
    JsonNode all = json(get(s, SEARCH));
    assertThat(all.get("total").asLong()).isEqualTo(5);
    assertThat(all.at("/facets/brand").has("Kesseler")).isTrue();

    HttpResponse<String> fromPage =
        get(s, SEARCH, "X-Api-Key", keys.publishableKey(), "Origin", ORIGIN);
    JsonNode scoped = json(fromPage);
    assertThat(fromPage.headers().firstValue("access-control-allow-origin")).contains(ORIGIN);
    assertThat(fromPage.headers().allValues("vary"))
        .anyMatch(v -> v.contains("Origin") && v.contains("X-Api-Key"));
    assertThat(get(s, SEARCH).headers().allValues("vary")).anyMatch(v -> v.contains("X-Api-Key"));
    assertThat(scoped.get("total").asLong()).as("only Aqualine's two records count").isEqualTo(2);
    List<String> brands = new ArrayList<>();
    scoped.get("hits").forEach(h -> brands.add(h.at("/product/brand").asText()));
    assertThat(brands).containsOnly("Aqualine").hasSize(2);
    JsonNode facetBrands = scoped.at("/facets/brand");
    assertThat(fieldNames(facetBrands)).containsExactly("Aqualine");
    assertThat(facetBrands.get("Aqualine").asLong()).isEqualTo(2);
    assertThat(scoped.toString()).doesNotContain("Kesseler").doesNotContain("WAK-2840");

    // a client's brand= only narrows: naming the competitor finds nothing, not the competitor
    JsonNode widened = json(get(s, SEARCH + "&brand=Kesseler", "X-Api-Key", keys.publishableKey()));
    assertThat(widened.get("total").asLong()).isZero();
    assertThat(widened.get("hits")).isEmpty();
    assertThat(widened.toString()).doesNotContain("WAK-2840");

    // server to server: the secret key and the publishable key work without an Origin
    assertThat(json(get(s, SEARCH, "X-Api-Key", keys.secretKey())).get("total").asLong())
        .isEqualTo(2);
    assertThat(json(get(s, SEARCH, "X-Api-Key", keys.publishableKey())).get("total").asLong())
        .isEqualTo(2);
  }

  @Test
  void suggestProductsAndFeedbackStayInScope() throws Exception {
    ApiServer s = server();
    IssuedKeys keys = aqualine(600, 10_000);
    String key = keys.publishableKey();
    // the competitor's brand and model are suggested to anonymous users, not to the key
    assertThat(get(s, "/api/suggest?q=kes").body()).contains("Kesseler");
    assertThat(json(get(s, "/api/suggest?q=kes", "X-Api-Key", key)).get("completions")).isEmpty();
    assertThat(get(s, "/api/suggest?q=wak", "X-Api-Key", key).body()).doesNotContain("WAK");
    assertThat(get(s, "/api/suggest?q=kesseler+wa", "X-Api-Key", key).body())
        .doesNotContain("WAK-2840");
    JsonNode own = json(get(s, "/api/suggest?q=aq", "X-Api-Key", key));
    assertThat(own.get("completions").toString()).contains("Aqualine");
    // weights count only records in scope: the washing-machine type has 2 here, not 5
    JsonNode type = json(get(s, "/api/suggest?q=washing", "X-Api-Key", key));
    for (JsonNode c : type.get("completions")) {
      if (c.get("kind").asText().equals("product"))
        assertThat(c.get("weight").asLong()).isEqualTo(2);
    }
    assertThat(get(s, "/api/suggest?q=wak").body()).contains("WAK-2840");

    assertThat(get(s, "/api/products/kesseler-wak2840").statusCode()).isEqualTo(200);
    assertProblem(get(s, "/api/products/kesseler-wak2840", "X-Api-Key", key), 404, "not-found");
    assertThat(json(get(s, "/api/products/aqualine-wm8420x", "X-Api-Key", key)).toString())
        .contains("WM-8420X");

    String kesselerVote =
        "{\"item\": \"doc:" + SourceDoc.idFor("http://f/ke1") + "\", \"answer\": \"yes\"}";
    String aqualineVote =
        "{\"item\": \"doc:" + SourceDoc.idFor("http://f/aq1") + "\", \"answer\": \"yes\"}";
    assertProblem(
        send(
            s,
            "POST",
            "/api/feedback",
            kesselerVote,
            "Content-Type",
            "application/json",
            "X-Api-Key",
            key),
        422,
        "unknown-item");
    assertThat(
            send(
                    s,
                    "POST",
                    "/api/feedback",
                    aqualineVote,
                    "Content-Type",
                    "application/json",
                    "X-Api-Key",
                    key)
                .statusCode())
        .isEqualTo(200);
    // helpers: a brand outside the scope finds nobody (no directory here: shape only)
    assertThat(json(get(s, "/api/helpers?brand=Kesseler", "X-Api-Key", key)).get("count").asInt())
        .isZero();
  }

  @Test
  void unknownMalformedAndWrongOriginKeysAreRefusedNeverServedAnonymously() throws Exception {
    ApiServer s = server();
    IssuedKeys keys = aqualine(600, 10_000);
    for (String bad :
        List.of(
            "pk_" + "A".repeat(43),
            "sk_" + keys.publishableKey().substring(3),
            "not-a-key",
            keys.publishableKey() + "x")) {
      HttpResponse<String> r = get(s, SEARCH, "X-Api-Key", bad);
      assertProblem(r, 401, "unknown-api-key");
      assertThat(r.headers().firstValue("www-authenticate")).isPresent();
    }
    // a tenant's page may read why a bad key was refused; other pages may not
    HttpResponse<String> badFromPage =
        get(s, SEARCH, "X-Api-Key", "pk_" + "B".repeat(43), "Origin", ORIGIN);
    assertProblem(badFromPage, 401, "unknown-api-key");
    assertThat(badFromPage.headers().firstValue("access-control-allow-origin")).contains(ORIGIN);
    HttpResponse<String> elsewhere =
        get(s, SEARCH, "X-Api-Key", keys.publishableKey(), "Origin", "https://evil.example");
    assertProblem(elsewhere, 403, "origin-not-allowed");
    assertThat(elsewhere.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertProblem(
        get(s, SEARCH, "X-Api-Key", keys.secretKey(), "Origin", ORIGIN), 403, "origin-not-allowed");
    // keys are for the search endpoints: not for pages, accounts or operations
    assertProblem(
        get(s, "/?q=drain", "X-Api-Key", keys.publishableKey()), 403, "api-key-not-accepted");
    assertProblem(
        get(s, "/metrics", "X-Api-Key", keys.publishableKey()), 403, "api-key-not-accepted");
    assertProblem(
        send(
            s,
            "POST",
            "/api/account/login",
            "{}",
            "Content-Type",
            "application/json",
            "X-Api-Key",
            keys.publishableKey()),
        403,
        "api-key-not-accepted");
  }

  @Test
  void aPreflightFromATenantsOriginIsAnsweredAndOtherOriginsAreNot() throws Exception {
    ApiServer s = server();
    aqualine(600, 10_000);
    HttpResponse<String> ok =
        send(
            s,
            "OPTIONS",
            "/api/search?q=x",
            "",
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "GET",
            "Access-Control-Request-Headers",
            "x-api-key");
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(ok.headers().firstValue("access-control-allow-origin")).contains(ORIGIN);
    assertThat(ok.headers().firstValue("access-control-allow-headers").orElse(""))
        .contains("X-Api-Key");
    HttpResponse<String> other =
        send(
            s,
            "OPTIONS",
            "/api/search?q=x",
            "",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "GET");
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void preflightsSpendNothingOfTheAddressLimit() throws Exception {
    // a token back every 10 s, so a slow machine cannot refill the burst during the test
    ApiServer s = server(6, 3);
    IssuedKeys keys = aqualine(600, 10_000);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> pre =
          send(
              s,
              "OPTIONS",
              "/api/search?q=x" + i,
              "",
              "Origin",
              ORIGIN,
              "Access-Control-Request-Method",
              "GET",
              "Access-Control-Request-Headers",
              "x-api-key");
      assertThat(pre.statusCode()).isEqualTo(204);
    }
    // the burst of 3 is still whole: three searches pass, the fourth is limited
    for (int i = 0; i < 3; i++) {
      assertThat(get(s, SEARCH, "X-Api-Key", keys.publishableKey()).statusCode()).isEqualTo(200);
    }
    assertProblem(get(s, SEARCH, "X-Api-Key", keys.publishableKey()), 429, "rate-limited");
  }

  @Test
  void revocationHoldsWithinTheCacheTime() throws Exception {
    ApiServer s = server();
    IssuedKeys keys = aqualine(600, 10_000);
    assertThat(get(s, SEARCH, "X-Api-Key", keys.publishableKey()).statusCode()).isEqualTo(200);
    tenants.revoke(keys.tenant().id());
    // still remembered as valid for at most the cache time...
    assertThat(get(s, SEARCH, "X-Api-Key", keys.publishableKey()).statusCode()).isEqualTo(200);
    ticker.advance(CACHE.plusMillis(1));
    // ...then refused, the secret key too
    assertProblem(get(s, SEARCH, "X-Api-Key", keys.publishableKey()), 401, "unknown-api-key");
    assertProblem(get(s, SEARCH, "X-Api-Key", keys.secretKey()), 401, "unknown-api-key");
  }

  @Test
  void aTenantForgottenOnTheChangeFeedsWordIsReadAgainAtOnceOthersStayCached() throws Exception {
    ApiServer s = server();
    IssuedKeys revoked = aqualine(600, 10_000);
    IssuedKeys kept = aqualine(600, 10_000);
    assertThat(get(s, SEARCH, "X-Api-Key", revoked.secretKey()).statusCode()).isEqualTo(200);
    assertThat(get(s, SEARCH, "X-Api-Key", kept.publishableKey()).statusCode()).isEqualTo(200);
    tenants.revoke(revoked.tenant().id());
    tenants.revoke(kept.tenant().id());
    // what a server's follower does when it reads the first revocation from the feed
    tenancy.forget(java.util.Set.of(revoked.tenant().id()));
    assertProblem(get(s, SEARCH, "X-Api-Key", revoked.secretKey()), 401, "unknown-api-key");
    assertThat(get(s, SEARCH, "X-Api-Key", kept.publishableKey()).statusCode())
        .as("another tenant's key stays cached until its own word, or the cache time")
        .isEqualTo(200);
    tenancy.forgetAll();
    assertProblem(get(s, SEARCH, "X-Api-Key", kept.publishableKey()), 401, "unknown-api-key");
  }

  @Test
  void aRotatedKeyIsRememberedNoLongerThanItsGrace() throws Exception {
    ApiServer s = server();
    IssuedKeys old = aqualine(600, 10_000);
    tenants.rotate(old.tenant().id(), Duration.ofSeconds(2)).orElseThrow();
    assertThat(get(s, SEARCH, "X-Api-Key", old.publishableKey()).statusCode()).isEqualTo(200);
    // past the grace, within the cache time: refused all the same
    clock.advance(Duration.ofSeconds(2).plusMillis(1));
    ticker.advance(Duration.ofSeconds(2).plusMillis(1));
    assertProblem(get(s, SEARCH, "X-Api-Key", old.publishableKey()), 401, "unknown-api-key");
  }

  @Test
  void aRotatedKeyWorksInItsGraceAndNotAfter() throws Exception {
    ApiServer s = server();
    IssuedKeys old = aqualine(600, 10_000);
    IssuedKeys fresh = tenants.rotate(old.tenant().id(), Duration.ofHours(1)).orElseThrow();
    assertThat(get(s, SEARCH, "X-Api-Key", old.publishableKey()).statusCode()).isEqualTo(200);
    assertThat(get(s, SEARCH, "X-Api-Key", fresh.publishableKey()).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    ticker.advance(CACHE.plusMillis(1));
    assertProblem(get(s, SEARCH, "X-Api-Key", old.publishableKey()), 401, "unknown-api-key");
    assertThat(json(get(s, SEARCH, "X-Api-Key", fresh.publishableKey())).get("total").asLong())
        .isEqualTo(2);
  }

  @Test
  void aTenantsRateLimitAndQuotaAreSharedByItsKeysRotationGainsNothing() throws Exception {
    ApiServer s = server();
    IssuedKeys old = aqualine(3, 10_000);
    IssuedKeys fresh = tenants.rotate(old.tenant().id(), Duration.ofHours(1)).orElseThrow();
    assertThat(get(s, SEARCH, "X-Api-Key", old.publishableKey()).statusCode()).isEqualTo(200);
    assertThat(get(s, SEARCH, "X-Api-Key", fresh.publishableKey()).statusCode()).isEqualTo(200);
    assertThat(get(s, SEARCH, "X-Api-Key", old.secretKey()).statusCode()).isEqualTo(200);
    HttpResponse<String> limited =
        get(s, SEARCH, "X-Api-Key", fresh.secretKey(), "X-Forwarded-For", "203.0.113.9");
    assertProblem(limited, 429, "rate-limited");
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    // the address itself is not limited by the tenant's bucket
    assertThat(get(s, SEARCH).statusCode()).isEqualTo(200);
    ticker.advance(Duration.ofMinutes(1));
    assertThat(get(s, SEARCH, "X-Api-Key", fresh.publishableKey()).statusCode()).isEqualTo(200);

    IssuedKeys small =
        tenants.create(
            new TenantRules(Lexicon.builtIn())
                .check(new TenantSpec("Small", List.of("Kesseler"), List.of(), List.of(), 600, 2)));
    assertThat(get(s, SEARCH, "X-Api-Key", small.publishableKey()).statusCode()).isEqualTo(200);
    assertThat(get(s, SEARCH, "X-Api-Key", small.secretKey()).statusCode()).isEqualTo(200);
    HttpResponse<String> over = get(s, SEARCH, "X-Api-Key", small.publishableKey());
    assertProblem(over, 429, "quota-exceeded");
    assertThat(Long.parseLong(over.headers().firstValue("retry-after").orElseThrow()))
        .isEqualTo(Duration.ofHours(14).toSeconds()); // 10:00 UTC to midnight
  }

  @Test
  void aKeyNeverWidensThePerAddressLimitNorDoesXForwardedFor() throws Exception {
    ApiServer s = server(6, 5); // a token back every 10 s: no refill during the test
    IssuedKeys keys = aqualine(6000, 10_000);
    int ok = 0;
    int limited = 0;
    Iterator<String> forwarded =
        List.of(
                "198.51.100.1",
                "198.51.100.2",
                "198.51.100.3",
                "198.51.100.4",
                "198.51.100.5",
                "198.51.100.6",
                "198.51.100.7",
                "198.51.100.8")
            .iterator();
    while (forwarded.hasNext()) {
      String key = ok % 2 == 0 ? keys.publishableKey() : keys.secretKey();
      HttpResponse<String> r =
          get(s, SEARCH, "X-Api-Key", key, "X-Forwarded-For", forwarded.next());
      if (r.statusCode() == 200) ok++;
      else {
        assertProblem(r, 429, "rate-limited");
        limited++;
      }
    }
    assertThat(ok).as("a burst of 5 per address, keyed or not").isBetween(5, 6);
    assertThat(limited).isPositive();
    assertThat(get(s, SEARCH).statusCode()).as("the same address, without a key").isEqualTo(429);
  }

  @Test
  void keysAppearInNoLogLineMetricOrProblem() throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> bodies = new ArrayList<>();
    String metrics;
    IssuedKeys keys;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ApiServer s = server();
      keys = aqualine(2, 10_000);
      String unknown = "pk_" + "Z".repeat(43);
      for (String k : List.of(keys.publishableKey(), keys.secretKey(), unknown)) {
        bodies.add(get(s, SEARCH, "X-Api-Key", k).body());
        bodies.add(get(s, SEARCH, "X-Api-Key", k, "Origin", "https://evil.example").body());
        bodies.add(get(s, "/", "X-Api-Key", k).body());
        bodies.add(get(s, "/api/nothing-here", "X-Api-Key", k).body());
      }
      tenants.revoke(keys.tenant().id());
      ticker.advance(CACHE.plusMillis(1));
      bodies.add(get(s, SEARCH, "X-Api-Key", keys.publishableKey()).body());
      metrics = get(s, "/metrics").body();
      s.close();
    } finally {
      System.setErr(err);
    }
    String log = Files.readString(accessLog) + captured.toString(StandardCharsets.UTF_8);
    assertThat(Files.readString(accessLog)).contains("/api/search");
    for (String k : List.of(keys.publishableKey(), keys.secretKey(), "Z".repeat(43))) {
      String secret = k.startsWith("pk_") || k.startsWith("sk_") ? k.substring(3) : k;
      assertThat(log).doesNotContain(secret.substring(0, 16));
      assertThat(metrics).doesNotContain(secret.substring(0, 16));
      for (String b : bodies) assertThat(b).doesNotContain(secret.substring(0, 16));
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Nanoseconds the tests move: the key cache's and the limiters' time. */
  static final class Ticker implements java.util.function.LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }

    @Override
    public long getAsLong() {
      return nanos.get();
    }
  }
}
