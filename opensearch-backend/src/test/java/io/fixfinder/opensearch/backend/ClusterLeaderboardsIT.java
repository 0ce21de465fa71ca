package io.fixfinder.opensearch.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.leaderboard.IndexLeaderboardSource;
import io.fixfinder.indexer.leaderboard.Leaderboards;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboards counted on the cluster ({@link ClusterLeaderboardSource}) equal the embedded
 * index's over the same records: random repair reports and other records (seed printed; {@code
 * -Dtests.seed} replays), written into an embedded index and, through settings bound from {@code
 * index.opensearch} with two shards and a replica, into the shared node; the generation's index
 * settings read back from the node show that layout.
 */
class ClusterLeaderboardsIT {
  static final String ALIAS = "leaderboards";
  static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

  @TempDir static Path dir;
  static OpenSearchBackend backend;
  static IndexStore embedded;
  static List<SourceDoc> records;

  @BeforeAll
  static void writeBoth() throws Exception {
    System.out.println("ClusterLeaderboardsIT: -Dtests.seed=" + SEED);
    records = corpus(new Random(SEED), 900);
    Indexer.rebuild(dir, 16, records, new PrintStream(OutputStream.nullOutputStream()));
    embedded = IndexStore.open(dir, 16);
    OpenSearchSettings settings =
        OpenSearchSettings.of(
                new FixFinderConfig.OpenSearch(List.of(SharedNode.url().toString()), 2, 1),
                Map.of())
            .withAlias(ALIAS);
    backend =
        OpenSearchBackend.forWriting(
            settings,
            new ExternalRanking(
                KeyExtractor.builtIn(), Retrieval.BM25, Fusion.LEARNED, Tuning.DEFAULT),
            Optional.empty());
    backend.writeGeneration(records);
    // votes: on reports and records of several brands, on a record of no brand, on one gone
    Random r = new Random(SEED + 1);
    for (int i = 0; i < 60; i++) {
      SourceDoc d = records.get(r.nextInt(records.size()));
      TALLIES.put("doc:" + d.id(), new Tally(r.nextInt(4), r.nextInt(3), r.nextInt(2)));
    }
    TALLIES.put("doc:gone", new Tally(40, 0, 0));
    TALLIES.put("issue:iss-000000000000", new Tally(40, 0, 0));
  }

  @AfterAll
  static void close() throws Exception {
    if (embedded != null) embedded.close();
    if (backend != null) {
      // the node is shared: leave no yellow index (a replica one node cannot place) behind
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(SharedNode.url() + "/" + ALIAS + "-*"))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      backend.close();
    }
  }

  static final String[] TYPES = {"laptop", "washing-machine", "vacuum"};
  static final String[] BRANDS = {"Dell", "DELL", "Acer", "Bosch", "Miele", "Dyson", ""};
  static final String[] MODELS = {"XPS-13", "XPS13", "WAK-2840", "V8", ""};
  static final String[] OUTCOMES = {"Fixed", "Repairable", "End of life", "Unknown", ""};

  /** Reports and other records over a few types, brands (two spellings of one), models. */
  static List<SourceDoc> corpus(Random r, int n) {
    List<SourceDoc> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String type = r.nextInt(20) == 0 ? "" : TYPES[r.nextInt(TYPES.length)];
      ProductRef product =
          new ProductRef(type, BRANDS[r.nextInt(BRANDS.length)], MODELS[r.nextInt(MODELS.length)]);
      boolean report = r.nextInt(3) > 0;
      String url = (report ? "ords:lb-" : "http://forum.example/t/") + i;
      String outcome = OUTCOMES[r.nextInt(OUTCOMES.length)];
      out.add(
          new SourceDoc(
              SourceDoc.idFor(url),
              url,
              report ? SourceKind.REPAIR_REPORT : SourceKind.FORUM,
              report ? "The Restart Project" : "forum",
              "does not start " + i,
              "does not start; tried a new fuse",
              product,
              List.of(),
              List.of(),
              report ? outcome.equals("Fixed") : r.nextBoolean(),
              Instant.parse("2021-01-01T00:00:00Z").plusSeconds(i),
              report
                  ? new Details.RepairReport(outcome, "Laptop", 2015, "GBR", "Repair Cafe")
                  : new Details.Thread("q", 0, 1, "", 0, 0)));
    }
    return out;
  }

  @Test
  void theClusterShowsTheEmbeddedBoards() throws Exception {
    Leaderboards onIndex =
        new Leaderboards(new IndexLeaderboardSource(embedded.searchers()), TALLIES::forEach, 5);
    // pages of 7 buckets and ids: the composite aggregation's paging and the batched lookups
    Leaderboards onCluster =
        new Leaderboards(new ClusterLeaderboardSource(backend, 7), TALLIES::forEach, 5);
    Leaderboards.Board expected = onIndex.board();
    assertThat(expected.types()).hasSize(TYPES.length);
    assertThat(expected.types().getFirst().brandsRanked()).isPositive();
    assertThat(expected.types().getFirst().modelsRanked()).isPositive();
    assertThat(expected.types())
        .anySatisfy(
            t -> assertThat(t.brands()).anySatisfy(b -> assertThat(b.votes().yes()).isPositive()));
    assertThat(onCluster.board()).isEqualTo(expected);
    for (String type : TYPES) assertThat(onCluster.type(type)).isEqualTo(onIndex.type(type));
    assertThat(onCluster.type("no-such-type")).isEmpty();

    // a vote shows at once on both, without a new generation
    SourceDoc voted =
        records.stream()
            .filter(d -> !d.product().brand().isEmpty() && !d.product().type().isEmpty())
            .findFirst()
            .orElseThrow();
    TALLIES.merge(
        "doc:" + voted.id(),
        new Tally(5, 0, 0),
        (a, b) -> new Tally(a.yes() + b.yes(), a.no(), a.partly()));
    assertThat(onCluster.board()).isEqualTo(onIndex.board()).isNotEqualTo(expected);
  }

  @Test
  void aGenerationHasTheConfiguredLayout() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(SharedNode.url() + "/" + ALIAS + "/_settings"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode indices = new ObjectMapper().readTree(r.body());
    assertThat(indices.size()).isEqualTo(1);
    JsonNode index = indices.elements().next().at("/settings/index");
    assertThat(index.path("number_of_shards").asText()).isEqualTo("2");
    assertThat(index.path("number_of_replicas").asText()).isEqualTo("1");
  }
}
