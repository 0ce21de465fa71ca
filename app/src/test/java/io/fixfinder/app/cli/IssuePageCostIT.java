package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.ApiServer;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.fix.RemedyVectors;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.FollowingIssues;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What grouping fixes by embeddings costs an issue page, through the real API path ({@code GET
 * /api/issues/{id}} of an {@link ApiServer} over the demo's index and clusters): the first view of
 * each issue (its remedies' statements embedded), later views (read from {@link RemedyVectors}),
 * and the same pages grouped by words alone. Two servers in this JVM over the served demo's data,
 * one with the embedder, one without, each with its own fresh fix summary. Prints the figures of
 * docs/relevance.md ("Fix grouping", cost); checks that later views give the very fixes of the
 * first, embed nothing, and that both groupings cite the same sources.
 */
class IssuePageCostIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Queries whose issue groups give the issues measured: the demo's faults and products. */
  static final List<String> QUERIES =
      List.of(
          "wont drain E18",
          "washing machine leaking",
          "dishwasher not drying",
          "dryer not drying",
          "coffee machine leaking",
          "coffee machine descale",
          "noisy",
          "not heating",
          "error code",
          "door will not open",
          "no power",
          "filter blocked",
          "pump",
          "vacuum lost suction",
          "kettle not boiling");

  static final int LATER_VIEWS = 5;

  @Test
  void laterViewsReadTheKeptVectorsAndGiveTheFixesOfTheFirst() throws Exception {
    ServedDemo demo = ServedDemo.get();
    Set<String> ids = new LinkedHashSet<>();
    for (String q : QUERIES) {
      JsonNode r =
          get(demo.port(), "/api/search?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      for (JsonNode g : r.path("issues")) ids.add(g.path("issue").path("id").asText());
    }
    assertThat(ids).as("issues found by the demo's queries").hasSizeGreaterThan(5);

    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), Map.of());
    FixFinderConfig.Server s = cfg.server();
    // loopback, one client: no rate limit or access log in the way of the measurement
    FixFinderConfig.Server settings =
        new FixFinderConfig.Server(
            "127.0.0.1",
            0,
            s.trustedProxies(),
            1_000_000,
            100_000,
            s.corsOrigins(),
            s.shutdownGraceSeconds(),
            s.searchThreads(),
            s.rateLimitMemoryMb(),
            s.searchCacheMb(),
            FixFinderConfig.Server.ACCESS_LOG_OFF);
    DataLayout layout = new DataLayout(demo.dataDir());
    Path tmp = Files.createTempDirectory("fixfinder-issue-cost");
    try (MiniLmEmbedder embedder = MiniLmEmbedder.withThreads(cfg.index().embedThreads());
        Database db = Database.open("jdbc:sqlite:" + tmp.resolve("votes.db"))) {
      FollowingIssues issues = new FollowingIssues(embedder, layout.clusters());
      try (IndexStore store = IndexStore.openReadOnly(layout.index(), issues)) {
        FeedbackStore feedback = new FeedbackStore(db, Clock.systemUTC());
        Searcher searcher =
            new Searcher(
                store.searchers(),
                KeyExtractor.builtIn(),
                Optional.<Embedder>of(embedder),
                cfg.index().retrieval(),
                cfg.index().fusion());
        ApiServer.Backends blendBackends =
            ApiServer.Backends.of(
                store,
                searcher,
                issues,
                item -> issues.get(item.id()).isPresent(),
                db,
                feedback,
                CrawlStats.fromFile(layout.crawlSummary()),
                Optional.of(embedder));
        ApiServer.Backends wordsBackends =
            ApiServer.Backends.of(
                store,
                searcher,
                issues,
                item -> issues.get(item.id()).isPresent(),
                db,
                feedback,
                CrawlStats.fromFile(layout.crawlSummary()));
        RemedyVectors kept = blendBackends.issues().fixSummary().vectors().orElseThrow();
        assertThat(wordsBackends.issues().fixSummary().vectors()).isEmpty();
        try (ApiServer blend = new ApiServer(blendBackends, settings).start("127.0.0.1", 0);
            ApiServer words = new ApiServer(wordsBackends, settings).start("127.0.0.1", 0)) {
          // warm the code paths (words server) and the model (texts no issue holds), not the cache
          for (int i = 0; i < 3; i++) for (String id : ids) view(words.port(), id);
          for (int i = 0; i < 5; i++)
            embedder.embed(List.of("warm up the model " + i, "another sentence " + i));
          assertThat(kept.stats().requestCount()).isZero();

          List<String> first = new ArrayList<>();
          double[] firstMs = new double[ids.size()];
          int k = 0;
          for (String id : ids) {
            long t0 = System.nanoTime();
            first.add(view(blend.port(), id));
            firstMs[k++] = (System.nanoTime() - t0) / 1e6;
          }
          long embedded = kept.stats().missCount();
          double[] laterMs = new double[ids.size() * LATER_VIEWS];
          double[] wordsMs = new double[ids.size() * LATER_VIEWS];
          int l = 0, w = 0, wordsFixes = 0, differ = 0;
          List<String> differences = new ArrayList<>();
          for (int round = 0; round < LATER_VIEWS; round++) {
            k = 0;
            for (String id : ids) {
              long t0 = System.nanoTime();
              String wordsPage = view(words.port(), id);
              wordsMs[w++] = (System.nanoTime() - t0) / 1e6;
              t0 = System.nanoTime();
              String page = view(blend.port(), id);
              laterMs[l++] = (System.nanoTime() - t0) / 1e6;
              assertThat(page).as("a later view of " + id).isEqualTo(first.get(k++));
              if (round == 0) {
                assertThat(sources(wordsPage))
                    .as("both groupings cite the same sources on " + id)
                    .isEqualTo(sources(page));
                wordsFixes += Json.mapper().readTree(wordsPage).path("fixes").size();
                if (!groups(wordsPage).equals(groups(page))) {
                  differ++;
                  differences.add(
                      id + "\n    words: " + texts(wordsPage) + "\n    blend: " + texts(page));
                }
              }
            }
          }
          assertThat(kept.stats().missCount()).as("later views embed nothing").isEqualTo(embedded);
          int fixes = 0;
          for (String p : first) fixes += Json.mapper().readTree(p).path("fixes").size();
          System.out.printf(
              "issue pages: %d issues, %d fixes (words alone: %d; %d issues grouped otherwise),"
                  + " %d statements embedded on first views%n",
              ids.size(), fixes, wordsFixes, differ, embedded);
          System.out.printf("  first view (blend, embeds)   %s%n", summary(firstMs));
          System.out.printf("  later views (blend, cached)  %s%n", summary(laterMs));
          System.out.printf("  words alone                  %s%n", summary(wordsMs));
          for (String d : differences) System.out.println("  grouped otherwise: " + d);
        }
      }
    } finally {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String summary(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    double total = 0;
    for (double x : s) total += x;
    return String.format(
        "n %d  median %.2f ms  p90 %.2f ms  max %.2f ms  mean %.2f ms",
        s.length,
        s[s.length / 2],
        s[(int) Math.floor(0.9 * (s.length - 1))],
        s[s.length - 1],
        total / s.length);
  }

  static Set<String> sources(String page) throws Exception {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : Json.mapper().readTree(page).path("fixes"))
      for (JsonNode src : f.path("sources")) out.add(src.path("docId").asText());
    return out;
  }

  /** The page's fixes as sets of cited record ids: its grouping, whatever the order. */
  static Set<Set<String>> groups(String page) throws Exception {
    Set<Set<String>> out = new java.util.HashSet<>();
    for (JsonNode f : Json.mapper().readTree(page).path("fixes")) {
      Set<String> g = new TreeSet<>();
      for (JsonNode src : f.path("sources")) g.add(src.path("docId").asText());
      out.add(g);
    }
    return out;
  }

  /** Each fix as its number of sources and the start of its text, for reading a difference. */
  static List<String> texts(String page) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : Json.mapper().readTree(page).path("fixes")) {
      String t = f.path("text").asText();
      out.add(f.path("sources").size() + "x " + (t.length() > 50 ? t.substring(0, 50) : t));
    }
    return out;
  }

  static String view(int port, String id) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/issues/" + id))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  static JsonNode get(int port, String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }
}
