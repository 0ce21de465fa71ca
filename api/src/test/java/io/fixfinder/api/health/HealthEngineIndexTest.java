package io.fixfinder.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.search.SearchEngine;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.leaderboard.LeaderboardSource;
import io.fixfinder.indexer.search.RecordReader;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On another engine (OpenSearch), /health's {@code index} describes the generation that engine
 * serves, in the embedded index's fields and a few more, never the data directory's embedded index
 * (empty on such a server, and not what it searches).
 */
class HealthEngineIndexTest {
  @TempDir Path dir;

  final AtomicLong now = new AtomicLong();
  final AtomicReference<Optional<SearchEngine.Served>> served =
      new AtomicReference<>(
          Optional.of(
              new SearchEngine.Served(
                  "fixfinder", "fixfinder-7", 1, 7, 24_000, 9_437_184, 12, true)));

  SearchEngine engine() {
    RecordReader records =
        new RecordReader() {
          @Override
          public Map<String, io.fixfinder.core.model.SourceDoc> byIds(Collection<String> ids) {
            return Map.of();
          }

          @Override
          public boolean exists(String id) {
            return false;
          }

          @Override
          public List<io.fixfinder.core.model.SourceDoc> byProduct(String productId) {
            return List.of();
          }
        };
    LeaderboardSource leaderboards =
        () -> {
          throw new java.io.IOException("not asked by /health");
        };
    return new SearchEngine(
        "opensearch",
        records,
        () -> new SearchEngine.Health(true, "green", 1),
        scope -> {
          throw new java.io.IOException("not asked by /health");
        },
        leaderboards,
        served::get);
  }

  @Test
  void theIndexIsTheEnginesServedGenerationNotTheEmptyLocalOne() throws Exception {
    try (IndexStore index = IndexStore.open(dir.resolve("index"), 16);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("db/fixfinder.db"))) {
      HealthHandler health = new HealthHandler(index, db, Optional.of(engine()), now::get);
      Javalin app = serve(health);
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> r = get(http, app);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode i = Json.mapper().readTree(r.body()).path("index");
        assertThat(i.path("documents").asLong()).isEqualTo(24_000);
        assertThat(i.path("bytes").asLong()).isEqualTo(9_437_184);
        assertThat(i.path("generation").asText()).isEqualTo("fixfinder-7");
        assertThat(i.path("current").asText()).isEqualTo("fixfinder-7");
        assertThat(i.path("behind").asBoolean(true)).isFalse();
        assertThat(i.path("ok").asBoolean()).isTrue();
        assertThat(i.path("engine").asText()).isEqualTo("opensearch");
        assertThat(i.path("alias").asText()).isEqualTo("fixfinder");
        assertThat(i.path("generationNumber").asLong()).isEqualTo(7);
        assertThat(i.path("schemaVersion").asInt()).isEqualTo(12);

        // a generation this version cannot serve, then an engine that does not answer
        served.set(
            Optional.of(
                new SearchEngine.Served("fixfinder", "fixfinder-8", 1, 8, 10, 100, 11, false)));
        now.addAndGet(HealthHandler.PROBE_TTL.toNanos());
        r = get(http, app);
        assertThat(r.statusCode()).isEqualTo(503);
        i = Json.mapper().readTree(r.body()).path("index");
        assertThat(i.path("generation").asText()).isEqualTo("fixfinder-8");
        assertThat(i.path("ok").asBoolean(true)).isFalse();
        served.set(Optional.empty());
        now.addAndGet(HealthHandler.PROBE_TTL.toNanos());
        r = get(http, app);
        assertThat(r.statusCode()).isEqualTo(503);
        i = Json.mapper().readTree(r.body()).path("index");
        assertThat(i.path("ok").asBoolean(true)).isFalse();
        assertThat(i.path("engine").asText()).isEqualTo("opensearch");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theEmbeddedIndexSaysSo() throws Exception {
    try (IndexStore index = IndexStore.open(dir.resolve("index"), 16);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("db/fixfinder.db"))) {
      Javalin app = serve(new HealthHandler(index, db, now::get));
      try (HttpClient http = HttpClient.newHttpClient()) {
        JsonNode i = Json.mapper().readTree(get(http, app).body()).path("index");
        assertThat(i.path("engine").asText()).isEqualTo("embedded");
        assertThat(i.path("documents").asLong(-1)).isZero();
        assertThat(i.has("alias")).isFalse();
      } finally {
        app.stop();
      }
    }
  }

  private static Javalin serve(HealthHandler health) {
    return Javalin.create(config -> config.routes.get("/health", health::health))
        .start("127.0.0.1", 0);
  }

  private static HttpResponse<String> get(HttpClient http, Javalin app) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
