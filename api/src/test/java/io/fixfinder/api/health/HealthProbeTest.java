package io.fixfinder.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /health at any rate costs at most one database probe per {@link HealthHandler#PROBE_TTL}: the
 * probe writes on SQLite (it takes the write lock), so an unthrottled /health was a lever on it.
 */
class HealthProbeTest {
  @TempDir Path dir;

  final AtomicLong now = new AtomicLong();

  @Test
  void aHundredCallsInARowProbeTheDatabaseOnce() throws Exception {
    try (IndexStore index = IndexStore.open(dir.resolve("index"), 16);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("db/fixfinder.db"))) {
      HealthHandler health = new HealthHandler(index, db, now::get);
      Javalin app = serve(health);
      try (HttpClient http = HttpClient.newHttpClient()) {
        for (int i = 0; i < 100; i++) assertThat(get(http, app).statusCode()).isEqualTo(200);
        assertThat(health.probes()).isEqualTo(1);
        now.addAndGet(HealthHandler.PROBE_TTL.toNanos());
        assertThat(get(http, app).statusCode()).isEqualTo(200);
        assertThat(health.probes()).as("probed again once the result is old").isEqualTo(2);
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void concurrentCallersShareOneProbe() throws Exception {
    try (IndexStore index = IndexStore.open(dir.resolve("index"), 16);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("db/fixfinder.db"))) {
      HealthHandler health = new HealthHandler(index, db, now::get);
      Javalin app = serve(health);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try (HttpClient http = HttpClient.newHttpClient()) {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) calls.add(() -> get(http, app).statusCode());
        for (Future<Integer> f : pool.invokeAll(calls)) assertThat(f.get()).isEqualTo(200);
        assertThat(health.probes()).isEqualTo(1);
      } finally {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        app.stop();
      }
    }
  }

  @Test
  void aClosedDatabaseIsReportedAtOnce() throws Exception {
    try (IndexStore index = IndexStore.open(dir.resolve("index"), 16);
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("db/fixfinder.db"))) {
      HealthHandler health = new HealthHandler(index, db, now::get);
      Javalin app = serve(health);
      try (HttpClient http = HttpClient.newHttpClient()) {
        assertThat(get(http, app).statusCode()).isEqualTo(200);
        db.close();
        assertThat(get(http, app).statusCode())
            .as("a closed pool is known without a probe")
            .isEqualTo(503);
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
