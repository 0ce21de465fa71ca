package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details.Guide;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guide's details (steps, tools, difficulty, device) come back in the search API's hits. */
class GuideDetailsApiTest {
  @TempDir Path dir;

  @Test
  void searchHitCarriesGuideDetails() throws Exception {
    String url = "http://g/battery";
    Guide guide =
        new Guide(
            List.of(
                new Guide.Step("Open", "Undo the ten T5 screws.", "http://g/1.jpg", "Opening"),
                new Guide.Step("", "Lift the battery out.", "", "Battery")),
            List.of(new Guide.Item("spudger", ""), new Guide.Item("T5 Torx screwdriver", "1")),
            List.of(new Guide.Item("Thermal paste", "2 g")),
            List.of(new Guide.Item("Battery pack", "")),
            "Moderate",
            2700,
            300,
            2400,
            new Guide.Device("Voltaro VX-1550", "Voltaro", "VX-1550"),
            "39 USD");
    SourceDoc doc =
        new SourceDoc(
            SourceDoc.idFor(url),
            url,
            SourceKind.MANUAL,
            "g",
            "Voltaro VX-1550 battery replacement",
            "1. Open: Undo the ten T5 screws.\n2. Lift the battery out.",
            new ProductRef("laptop", "Voltaro", "VX-1550"),
            List.of(),
            List.of(),
            true,
            Instant.parse("2025-01-01T00:00:00Z"),
            guide);
    Path indexDir = dir.resolve("index");
    Indexer.rebuild(
        indexDir,
        16,
        Optional.empty(),
        List.of(doc),
        new PrintStream(OutputStream.nullOutputStream()));
    try (IndexStore index = IndexStore.open(indexDir, 16);
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      FeedbackStore feedback = new FeedbackStore(database, Clock.systemUTC());
      try (ApiServer server =
          new ApiServer(
                  ApiServer.Backends.withoutClusters(
                      index,
                      new Searcher(
                          index.searchers(),
                          KeyExtractor.builtIn(),
                          Optional.empty(),
                          Retrieval.BM25,
                          Fusion.LINEAR),
                      database,
                      feedback,
                      CrawlStats.fromFile(dir.resolve("crawl/last-run.json"))),
                  ApiFixture.SETTINGS,
                  routes -> {})
              .start("127.0.0.1", 0)) {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://127.0.0.1:" + server.port() + "/api/search?q=spudger"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode hit = Json.mapper().readTree(r.body()).get("hits").get(0);
        assertThat(hit.get("url").asText()).isEqualTo(url);
        JsonNode d = hit.get("details");
        assertThat(d.get("form").asText()).isEqualTo("guide");
        assertThat(d.get("steps").get(0).get("text").asText()).isEqualTo("Undo the ten T5 screws.");
        assertThat(d.get("steps").get(0).get("image").asText()).isEqualTo("http://g/1.jpg");
        assertThat(d.get("steps").get(1).get("section").asText()).isEqualTo("Battery");
        assertThat(d.get("tools").get(1).get("name").asText()).isEqualTo("T5 Torx screwdriver");
        assertThat(d.get("tools").get(1).get("quantity").asText()).isEqualTo("1");
        assertThat(d.get("supplies").get(0).get("name").asText()).isEqualTo("Thermal paste");
        assertThat(d.get("parts").get(0).get("name").asText()).isEqualTo("Battery pack");
        assertThat(d.get("difficulty").asText()).isEqualTo("Moderate");
        assertThat(d.get("totalSeconds").asLong()).isEqualTo(2700);
        assertThat(d.get("about").get("brand").asText()).isEqualTo("Voltaro");
        assertThat(d.get("estimatedCost").asText()).isEqualTo("39 USD");
        // the hit's own fields are unchanged by the new variant
        assertThat(hit.get("kind").asText()).isEqualTo("manual");
        assertThat(hit.get("title").asText()).isEqualTo("Voltaro VX-1550 battery replacement");
      }
    }
  }
}
