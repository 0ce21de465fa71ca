package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboard pages and JSON on a real server: crawled names are escaped in the tables and the
 * plots, {@code leaderboards.minReports} decides what is ranked, and an index without repair
 * reports says how to import them instead of ranking anything.
 */
class LeaderboardPagesTest {
  @TempDir Path dir;

  private static SourceDoc doc(String url, SourceKind kind, String brand, Details details) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        "site",
        "Washing machine will not drain",
        "Drain pump blocked",
        new ProductRef("washing-machine", brand, ""),
        List.of(),
        List.of(),
        false,
        Instant.parse("2024-01-01T00:00:00Z"),
        details);
  }

  /** {@code n} repair reports of {@code brand}, every other one fixed. */
  private static List<SourceDoc> reports(String brand, int n) {
    List<SourceDoc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(
          doc(
              "ords:" + brand.hashCode() + "-" + i,
              SourceKind.REPAIR_REPORT,
              brand,
              new Details.RepairReport(
                  i % 2 == 0 ? "Fixed" : "End of life", "Large home electrical", 0, "GBR", "")));
    }
    return docs;
  }

  private record Served(ApiServer server, IndexStore index, Database database)
      implements AutoCloseable {
    HttpResponse<String> get(String path, String accept) throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .header("Accept", accept)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
      server.close();
      index.close();
      database.close();
    }
  }

  private Served serve(List<SourceDoc> docs, int minReports) throws Exception {
    Path indexDir = dir.resolve("index-" + minReports + "-" + docs.size());
    Indexer.rebuild(indexDir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    IndexStore index = IndexStore.open(indexDir, 16);
    Database database = Database.open("jdbc:sqlite:" + indexDir.resolve("ff.db"));
    ApiServer server =
        new ApiServer(
                ApiServer.Backends.withoutClusters(
                    index,
                    new Searcher(
                        index.searchers(),
                        KeyExtractor.builtIn(),
                        Optional.empty(),
                        FixFinderConfig.Retrieval.BM25,
                        FixFinderConfig.Fusion.LINEAR),
                    database,
                    new FeedbackStore(database, Clock.systemUTC()),
                    CrawlStats.fromFile(indexDir.resolve("last-run.json"))),
                ApiFixture.SETTINGS,
                new FixFinderConfig.Leaderboards(minReports))
            .start("127.0.0.1", 0);
    return new Served(server, index, database);
  }

  @Test
  void crawledNamesAreEscapedAndTheMinimumDecidesTheRanks() throws Exception {
    String hostile = "Evil<script>alert(1)</script>";
    List<SourceDoc> docs = new ArrayList<>(reports("Aqualine", 12));
    docs.addAll(reports(hostile, 12));
    docs.addAll(reports("Kesseler", 4));
    try (Served s = serve(docs, 10)) {
      String page = s.get("/leaderboards/washing-machine", "text/html").body();
      assertThat(page)
          .doesNotContain("<script>alert(1)")
          .contains("Evil&lt;script&gt;alert(1)&lt;/script&gt;")
          .contains("<svg role=\"img\"")
          .contains("fewer than 10 reports");
      // the hostile name is also in the plot's label, title and text alternative, escaped
      assertThat(page.split("Evil&lt;script&gt;", -1).length).isGreaterThan(4);

      JsonNode board =
          Json.mapper()
              .readTree(s.get("/api/leaderboards?type=washing-machine", "application/json").body())
              .path("types")
              .get(0);
      assertThat(board.path("brandsRanked").asInt()).isEqualTo(2);
      JsonNode kesseler = board.path("brands").get(2);
      assertThat(kesseler.path("brand").asText()).isEqualTo("Kesseler");
      assertThat(kesseler.path("ranked").asBoolean()).isFalse();
      assertThat(kesseler.path("fixRank").isNull()).isTrue();
      assertThat(kesseler.path("fixRate").path("n").asInt()).isEqualTo(4);
      // equal outcomes give equal bounds: a shared rank, not an invented order
      assertThat(board.path("brands").get(0).path("fixRank").asInt()).isEqualTo(1);
      assertThat(board.path("brands").get(1).path("fixRank").asInt()).isEqualTo(1);
    }
  }

  @Test
  void withoutRepairReportsNothingIsRankedAndThePageSaysWhy() throws Exception {
    List<SourceDoc> docs =
        List.of(
            doc(
                "http://forum/1",
                SourceKind.FORUM,
                "Aqualine",
                new Details.Thread("q", 0, 1, "", 0, 0)));
    try (Served s = serve(docs, 30)) {
      String front = s.get("/leaderboards", "text/html").body();
      assertThat(front)
          .contains("No repair-café report has been imported yet")
          .contains("./fixfinder import ords FILE")
          .contains("href=\"/leaderboards/washing-machine\"");
      String page = s.get("/leaderboards/washing-machine", "text/html").body();
      assertThat(page).contains("No brand has the 30 reports").doesNotContain("<svg");
      JsonNode row =
          Json.mapper()
              .readTree(s.get("/api/leaderboards", "application/json").body())
              .path("types")
              .get(0)
              .path("brands")
              .get(0);
      assertThat(row.path("records").asInt()).isEqualTo(1);
      assertThat(row.path("reports").asInt()).isZero();
      assertThat(row.path("fixRate").isNull()).isTrue();
    }
  }
}
