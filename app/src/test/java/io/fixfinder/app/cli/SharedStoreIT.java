package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.pipeline.DemoHelperSeeding;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.opensearch.backend.NodeProcess;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API servers, each with a data directory of its own, against one OpenSearch node and one
 * PostgreSQL schema, as two machines behind a load balancer would run (issue 17). {@code index
 * --backend opensearch} runs from a third directory: the servers get their issue clusters from the
 * store, never from its files. A vote through one server changes the other's cached search within a
 * few seconds; a second index run (new records, a new generation on the cluster, new clusters
 * published) is served by both, cluster ids kept. A helper suspended and a tenant revoked by the
 * operator's commands leave both servers' helper panels and key caches within a poll, long before
 * their own timers (30 s, and a key cache set to 300 s) would.
 */
class SharedStoreIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** How long a change may take to reach the other server: a poll is 1 s by default. */
  static final Duration WITHIN = Duration.ofSeconds(15);

  static final String POSTGRES =
      System.getenv()
          .getOrDefault(
              "FIXFINDER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  static NodeProcess node;
  static String schema;

  @TempDir Path dir;

  @BeforeAll
  static void nodeAndSchema() throws Exception {
    schema = "ff_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(POSTGRES);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable for the tests: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why, e);
      schema = null;
      Assumptions.abort(why + " (skipped outside CI)");
    }
    node =
        NodeProcess.start(
            System.getProperty("opensearch.node.classpath"),
            Files.createTempDirectory("fixfinder-shared-os"),
            NodeProcess.freePortPair(),
            Duration.ofSeconds(240));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) node.close();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(POSTGRES);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  static SourceDoc doc(String fault, int i) {
    String url = "http://forum.example/" + fault + "/" + i;
    String title;
    String body;
    switch (fault) {
      case "drain" -> {
        title = "Aqualine WM-8420X shows E18 and will not drain (" + i + ")";
        body = ". The drain pump filter was blocked with fluff; cleaning it fixed it. Post " + i;
      }
      case "dishes" -> {
        title = "Kesseler dishwasher leaves dishes dirty (" + i + ")";
        body =
            ". The spray arm holes were clogged with limescale; soaking them in vinegar fixed it.";
      }
      default -> {
        title = "Frostline fridge not cooling, freezer fine (" + i + ")";
        body = ". The evaporator fan had stopped; a new fan motor fixed it. Post " + i;
      }
    }
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "forum.example",
        title,
        title + body,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  static String databaseUrl() {
    return POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The site file both servers and the commands read, with {@code more} YAML appended. */
  Path siteConfig(String more) throws Exception {
    Path config = dir.resolve("site.yaml");
    Files.writeString(
        config,
        "index:\n  backend: opensearch\n  opensearch:\n    urls: [\""
            + node.url()
            + "\"]\n"
            + "database:\n  url: \""
            + databaseUrl()
            + "\"\n"
            + "server:\n  rateLimitPerMinute: 6000000\n  rateLimitBurst: 100000\n"
            + more);
    return config;
  }

  @Test
  void twoServersShareVotesClustersAndGenerationsThroughTheStore() throws Exception {
    Path config = siteConfig("");
    Path indexing = dir.resolve("indexing");
    DataLayout layout = new DataLayout(indexing);
    try (RecordLog log = RecordLog.openForAppend(layout.records())) {
      for (int i = 0; i < 12; i++) log.put(doc("drain", i));
      for (int i = 0; i < 12; i++) log.put(doc("dishes", i));
    }
    String[] index = {"index", "--data", indexing.toString(), "--config", config.toString()};
    assertThat(Main.run(index)).as("index --backend opensearch").isZero();

    FixFinderConfig base = ConfigLoader.load(Optional.of(config), Map.of()).withPort(0);
    Path dirA = dir.resolve("server-a");
    Path dirB = dir.resolve("server-b");
    try (Serving.Running a = Serving.start(base.withDataDir(dirA));
        Serving.Running b = Serving.start(base.withDataDir(dirB))) {
      // the same clusters on both, from the store: neither has seen the indexing directory
      String drain = "/api/search?q=" + q("E18 drain pump");
      JsonNode onA = json(a, drain);
      JsonNode onB = json(b, drain);
      String issue = onB.path("issues").path(0).path("issue").path("id").asText("");
      assertThat(issue).as("an issue group on B: " + onB).startsWith("iss-");
      assertThat(issueIds(onA)).isEqualTo(issueIds(onB));
      long drainSize = issue(a, issue).path("issue").path("size").asLong();
      assertThat(drainSize).isEqualTo(12);
      assertThat(issue(b, issue).path("issue").path("size").asLong()).isEqualTo(drainSize);
      try (Stream<Path> files = Files.walk(dirB)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("no cluster file in a server's data directory")
            .doesNotContain("clusters.bin");
      }

      // a vote through A changes B's cached answer to the same search
      double before = groupScore(json(b, drain), issue);
      assertThat(groupScore(json(b, drain), issue))
          .as("B answers from its cache")
          .isEqualTo(before);
      long voted = System.nanoTime();
      HttpResponse<String> vote = vote(a, "issue:" + issue, "yes");
      assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
      JsonNode changed = await(b, drain, r -> groupScore(r, issue) != before);
      System.out.printf(
          "SharedStoreIT: a vote on A reached B's cached search in %d ms%n",
          (System.nanoTime() - voted) / 1_000_000);
      assertThat(groupScore(changed, issue)).as("a yes lifts the issue").isGreaterThan(before);
      assertThat(groupScore(json(a, drain), issue)).isEqualTo(groupScore(changed, issue));

      // a vote on a record, which must exist on the cluster (not in B's empty local index); all
      // the fault's records on one page, so the record stays in view as it drops
      String drainAll = drain + "&size=30";
      String record = json(a, drainAll).path("hits").path(0).path("id").asText();
      double hitBefore = hitScore(json(a, drainAll), record);
      HttpResponse<String> docVote = vote(b, "doc:" + record, "no");
      assertThat(docVote.statusCode()).as(docVote.body()).isEqualTo(200);
      JsonNode lowered = await(a, drainAll, r -> hitScore(r, record) != hitBefore);
      assertThat(hitScore(lowered, record)).as("a no lowers the record").isLessThan(hitBefore);

      // a second index run: more drain reports and a new fault, a new generation on the cluster
      // and new clusters published; both servers serve them, their cached searches included
      String fridge = "/api/search?q=" + q("fridge not cooling");
      long fridgeBefore = json(a, fridge).path("total").asLong();
      json(b, fridge);
      try (RecordLog log = RecordLog.openForAppend(layout.records())) {
        for (int i = 12; i < 18; i++) log.put(doc("drain", i));
        for (int i = 0; i < 10; i++) log.put(doc("fridge", i));
      }
      long indexed = System.nanoTime();
      assertThat(Main.run(index)).as("second index run").isZero();
      for (Serving.Running s : List.of(a, b)) {
        JsonNode fridges = await(s, fridge, r -> r.path("total").asLong() >= fridgeBefore + 10);
        assertThat(fridges.path("issues").path(0).path("issue").path("label").asText())
            .as("the new fault's cluster is served: " + fridges.path("issues"))
            .isNotEmpty();
        JsonNode drained = await(s, drain, r -> issueIds(r).contains(issue));
        assertThat(drained.path("issues").path(0).path("issue").path("id").asText())
            .as("the drain fault kept its cluster id")
            .isEqualTo(issue);
        awaitIssueSize(s, issue, 18);
      }
      System.out.printf(
          "SharedStoreIT: the second generation served by both within %d ms of the index run's"
              + " end%n",
          (System.nanoTime() - indexed) / 1_000_000);
      assertThat(issueIds(json(a, fridge))).isEqualTo(issueIds(json(b, fridge)));
    }
  }

  @Test
  void aHelperSuspendedAndAKeyRevokedLeaveBothServersWithinAPoll() throws Exception {
    // a key cache far longer than the feed's poll: only the feed can explain a quick refusal
    Path config = siteConfig("api:\n  keyCacheSeconds: 300\n");
    Path dirA = dir.resolve("server-a");
    Path dirB = dir.resolve("server-b");
    Files.createDirectories(dirA);
    Files.createDirectories(dirB);
    // one installation secret for both (as FIXFINDER_SECRET_KEY would be): keys hash alike
    SecretKeys.load(dirA);
    Files.copy(dirA.resolve(SecretKeys.FILE), dirB.resolve(SecretKeys.FILE));
    IssuedKeys keys;
    try (Database db = Database.open(databaseUrl())) {
      DemoHelperSeeding.Outcome seeded =
          DemoHelperSeeding.seed(db, dirA, Clock.systemUTC(), List::of);
      assertThat(seeded.refused()).isEmpty();
      keys =
          new TenantStore(db, SecretKeys.load(dirA), Clock.systemUTC())
              .create(
                  new TenantRules(Lexicon.builtIn())
                      .check(
                          new TenantSpec(
                              "Aqualine Support",
                              List.of("aqualine"),
                              List.of(),
                              List.of("https://help.aqualine.example"),
                              6000,
                              1_000_000)));
    }
    FixFinderConfig base = ConfigLoader.load(Optional.of(config), Map.of()).withPort(0);
    try (Serving.Running a = Serving.start(base.withDataDir(dirA));
        Serving.Running b = Serving.start(base.withDataDir(dirB))) {
      // /health describes the generation the cluster serves, not the empty local directories
      for (Serving.Running s : List.of(a, b)) {
        JsonNode index = json(s, "/health").path("index");
        assertThat(index.path("engine").asText()).as(index.toString()).isEqualTo("opensearch");
        assertThat(index.path("generation").asText()).startsWith("fixfinder-");
        assertThat(index.path("generationNumber").asLong()).isPositive();
        assertThat(index.path("schemaVersion").asInt()).isPositive();
        assertThat(index.path("ok").asBoolean()).isTrue();
      }

      // the same helpers offered on both; B's answer cached
      String washer = "/api/search?q=" + q("Aqualine washing machine will not drain");
      JsonNode onB = json(b, washer);
      List<String> offered = helperIds(onB);
      assertThat(offered).as("helpers offered on B: " + onB.path("helpers")).isNotEmpty();
      assertThat(helperIds(json(a, washer))).isEqualTo(offered);
      String suspended = offered.get(0);

      // the operator suspends the helper (a command of its own, as on a third machine)
      long t0 = System.nanoTime();
      String[] suspend = {
        "helpers", "suspend", suspended, "--data", dirA.toString(), "--config", config.toString()
      };
      assertThat(Main.run(suspend)).as("helpers suspend").isZero();
      long done = System.nanoTime();
      await(b, washer, r -> !helperIds(r).contains(suspended));
      long onBMs = (System.nanoTime() - done) / 1_000_000;
      await(a, washer, r -> !helperIds(r).contains(suspended));
      System.out.printf(
          "SharedStoreIT: a helper suspended (command took %d ms) left B's cached helper panel"
              + " in %d ms, A's by %d ms%n",
          (done - t0) / 1_000_000, onBMs, (System.nanoTime() - done) / 1_000_000);

      // a key used on both (cached for 300 s), then revoked by the operator
      String keyed = "/api/search?q=" + q("E18");
      for (Serving.Running s : List.of(a, b)) {
        assertThat(keyed(s, keyed, keys.secretKey()).statusCode()).isEqualTo(200);
      }
      String[] revoke = {
        "tenant",
        "revoke",
        keys.tenant().id(),
        "--data",
        dirA.toString(),
        "--config",
        config.toString()
      };
      assertThat(Main.run(revoke)).as("tenant revoke").isZero();
      long revoked = System.nanoTime();
      long refusedOnB = awaitRefused(b, keyed, keys.secretKey(), revoked);
      long refusedOnA = awaitRefused(a, keyed, keys.secretKey(), revoked);
      System.out.printf(
          "SharedStoreIT: a key revoked was refused by B %d ms and by A %d ms after the command"
              + " returned (key cache 300 s)%n",
          refusedOnB, refusedOnA);
    }
  }

  static List<String> helperIds(JsonNode response) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : response.path("helpers")) out.add(h.path("id").asText());
    return out;
  }

  static HttpResponse<String> keyed(Serving.Running s, String path, String key) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server().port() + path))
            .header("X-Api-Key", key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Asks every 50 ms until the key is refused (401); the ms since {@code since}. */
  static long awaitRefused(Serving.Running s, String path, String key, long since)
      throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    int status = keyed(s, path, key).statusCode();
    while (status != 401 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      status = keyed(s, path, key).statusCode();
    }
    long ms = (System.nanoTime() - since) / 1_000_000;
    assertThat(status).as("refused within " + WITHIN).isEqualTo(401);
    return ms;
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(Serving.Running s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server().port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(Serving.Running s, String path) throws Exception {
    HttpResponse<String> r = get(s, path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static JsonNode issue(Serving.Running s, String id) throws Exception {
    return json(s, "/api/issues/" + id);
  }

  static HttpResponse<String> vote(Serving.Running s, String item, String answer) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + s.server().port() + "/api/feedback"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"item\": \"" + item + "\", \"answer\": \"" + answer + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static List<String> issueIds(JsonNode response) {
    List<String> out = new ArrayList<>();
    for (JsonNode g : response.path("issues")) out.add(g.path("issue").path("id").asText());
    return out;
  }

  static double groupScore(JsonNode response, String issue) {
    for (JsonNode g : response.path("issues")) {
      if (g.path("issue").path("id").asText().equals(issue)) return g.path("score").asDouble();
    }
    throw new AssertionError(issue + " not among the groups of " + response.path("issues"));
  }

  static double hitScore(JsonNode response, String id) {
    for (JsonNode h : response.path("hits")) {
      if (h.path("id").asText().equals(id)) return h.path("score").asDouble();
    }
    throw new AssertionError(id + " not among the hits");
  }

  /** The search's answer once {@code done} holds, asked every 100 ms up to {@link #WITHIN}. */
  static JsonNode await(Serving.Running s, String path, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    JsonNode r = json(s, path);
    while (!done.test(r) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      r = json(s, path);
    }
    assertThat(done.test(r)).as(path + " within " + WITHIN + ": " + r).isTrue();
    return r;
  }

  static void awaitIssueSize(Serving.Running s, String id, long size) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    long now = issue(s, id).path("issue").path("size").asLong();
    while (now != size && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = issue(s, id).path("issue").path("size").asLong();
    }
    assertThat(now).as("size of " + id).isEqualTo(size);
  }
}
