package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one data directory while {@code fixfinder index} rebuilds it, as an operator would
 * run them: both start (serving takes no lock), keep answering searches through the rebuild, move
 * to the new generation and its issue clusters without a restart, and report its real size; the
 * generation they left is removed once neither reads it.
 */
class ServeWhileIndexingIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  static SourceDoc doc(int i) {
    String url = "http://forum.example/t/" + i;
    String title = "Aqualine WM-8420X shows E18 and will not drain (" + i + ")";
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.FORUM,
        "forum.example",
        title,
        title + ". The drain pump filter was blocked with fluff; cleaning it fixed it. Post " + i,
        null,
        null,
        null,
        false,
        null,
        null);
  }

  @Test
  void twoServersKeepServingThroughARebuildAndFollowIt() throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("fixfinder.yaml");
    // a limit high enough that the load below measures the swap, not the rate limiter
    Files.writeString(config, "server:\n  rateLimitPerMinute: 6000000\n  rateLimitBurst: 100000\n");
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.of(config), Map.of()).withDataDir(data).withPort(0);
    DataLayout layout = new DataLayout(data);
    try (RecordLog log = RecordLog.openForAppend(layout.records())) {
      for (int i = 0; i < 40; i++) log.put(doc(i));
    }
    String[] index = {"index", "--data", data.toString(), "--config", config.toString()};
    assertThat(Main.run(index)).isZero();
    String first = Files.readString(layout.index().resolve("CURRENT")).strip();

    try (Serving.Running a = Serving.start(cfg);
        Serving.Running b = Serving.start(cfg)) {
      assertThat(health(a).path("index").path("documents").asLong()).isEqualTo(40);
      assertThat(health(b).path("index").path("documents").asLong()).isEqualTo(40);
      assertThat(health(a).path("index").path("generation").asText()).isEqualTo(first);
      assertThat(health(a).path("index").path("current").asText()).isEqualTo(first);
      String issue = firstIssue(a);
      long sizeBefore = issueSize(b, issue);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong served = new AtomicLong();
      Map<Integer, Long> failed = new ConcurrentHashMap<>();
      Thread load =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; running.get(); i++) {
                      Serving.Running to = i % 2 == 0 ? a : b;
                      int status = status(to, "/api/search?q=drain+pump+" + i);
                      if (status == 200) served.incrementAndGet();
                      else failed.merge(status, 1L, Long::sum);
                    }
                  });
      try (RecordLog log = RecordLog.openForAppend(layout.records())) {
        for (int i = 40; i < 70; i++) log.put(doc(i));
      }
      assertThat(Main.run(index)).as("index while two servers serve").isZero();
      String second = Files.readString(layout.index().resolve("CURRENT")).strip();
      assertThat(second).isNotEqualTo(first);

      for (Serving.Running s : new Serving.Running[] {a, b}) {
        JsonNode h = awaitDocuments(s, 70);
        assertThat(h.path("index").path("bytes").asLong())
            .as("the served files exist")
            .isPositive();
        assertThat(h.path("index").path("generation").asText()).isEqualTo(second);
        assertThat(h.path("index").path("current").asText()).isEqualTo(second);
        assertThat(h.path("index").path("behind").asBoolean()).isFalse();
        assertThat(h.path("status").asText()).isEqualTo("ok");
      }
      running.set(false);
      load.join();
      System.out.printf(
          "serve while indexing: %d searches answered 200, failed by status %s%n",
          served.get(), failed);
      assertThat(failed).as("searches during the rebuild").isEmpty();
      assertThat(served.get()).isPositive();
      assertThat(status(a, "/api/issues/" + issue))
          .as("clusters kept their ids in the new generation")
          .isEqualTo(200);
      assertThat(issueSize(b, issue))
          .as("the clusters moved with the index: new records joined the issue")
          .isGreaterThan(sizeBefore);
      awaitGone(layout.index().resolve(first));
    }
  }

  private static JsonNode health(Serving.Running s) throws Exception {
    return Json.mapper().readTree(get(s, "/health").body());
  }

  private static HttpResponse<String> get(Serving.Running s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server().port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int status(Serving.Running s, String path) {
    try {
      return get(s, path).statusCode();
    } catch (Exception e) {
      return -1; // no answer at all
    }
  }

  /** The id of an issue group a search for the fault returns. */
  private static String firstIssue(Serving.Running s) throws Exception {
    JsonNode body = Json.mapper().readTree(get(s, "/api/search?q=E18+drain").body());
    for (JsonNode group : body.path("issues")) {
      String id = group.path("issue").path("id").asText("");
      if (!id.isEmpty()) return id;
    }
    throw new AssertionError("no issue in " + body);
  }

  private static long issueSize(Serving.Running s, String issue) throws Exception {
    return Json.mapper()
        .readTree(get(s, "/api/issues/" + issue).body())
        .path("issue")
        .path("size")
        .asLong();
  }

  /** Health once the server follows the rebuild (it checks the pointer every second). */
  private static JsonNode awaitDocuments(Serving.Running s, long documents) throws Exception {
    JsonNode h = health(s);
    for (int i = 0; i < 300 && h.path("index").path("documents").asLong() != documents; i++) {
      Thread.sleep(100);
      h = health(s);
    }
    assertThat(h.path("index").path("documents").asLong())
        .as("followed: " + h)
        .isEqualTo(documents);
    return h;
  }

  private static void awaitGone(Path generation) throws Exception {
    for (int i = 0; i < 300 && Files.exists(generation); i++) Thread.sleep(100);
    assertThat(generation).as("the generation both servers left").doesNotExist();
  }
}
