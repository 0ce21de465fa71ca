package io.fixfinder.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The cluster behaviours the OpenSearch backend relies on, on three real nodes with replicas:
 * writing and BM25 search through our analyzers, k-NN search on a {@code knn_vector} field (the
 * k-NN plugin's Lucene engine), an atomic alias swap to a rebuilt index while searches run, and a
 * node stopped while searches run. The node stop is last: the shared cluster has two nodes after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final int DIMENSIONS = 16;
  static final String ALIAS = "fixfinder";

  static OpenSearchClient client;
  static TestCluster cluster;
  static List<RealTexts.Report> reports;

  @BeforeAll
  static void setUp() throws IOException {
    cluster = TestCluster.get();
    client = cluster.client;
    // a few hundred reports, each text once (the k-NN check finds a text by its own vector)
    Map<String, RealTexts.Report> unique = new LinkedHashMap<>();
    for (RealTexts.Report r : RealTexts.printers()) unique.putIfAbsent(r.text(), r);
    reports = new ArrayList<>(unique.values()).subList(0, Math.min(400, unique.size()));
    assertThat(reports).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  @Order(1)
  void indexWithReplicasThenBm25AndKnnSearch() throws IOException {
    createIndex("fixfinder-1");
    write("fixfinder-1", 1, reports, 1);
    health(HealthStatus.Green, TestCluster.NODES);
    client.indices().putAlias(a -> a.index("fixfinder-1").name(ALIAS));

    // BM25 through the plugin's analyzers: the query's "Paper-Jams" meets "paper jam" and "jammed"
    SearchResponse<Map> jam =
        client.search(
            s ->
                s.index(ALIAS)
                    .size(10)
                    .query(
                        q -> q.match(m -> m.field("body").query(v -> v.stringValue("Paper-Jams")))),
            Map.class);
    assertThat(jam.hits().hits()).isNotEmpty();
    for (Hit<Map> h : jam.hits().hits()) {
      assertThat(((String) h.source().get("body")).toLowerCase(Locale.ROOT))
          .containsAnyOf("jam", "paper");
    }
    assertThat(jam.shards().failed()).isZero();

    // k-NN: every sampled report's own vector finds it first
    for (RealTexts.Report r : reports.subList(0, 25)) {
      List<Float> vector = embed(r.text());
      SearchResponse<Map> near =
          client.search(
              s ->
                  s.index(ALIAS).size(3).query(q -> q.knn(k -> k.field("vec").vector(vector).k(3))),
              Map.class);
      assertThat(near.hits().hits()).isNotEmpty();
      assertThat(near.hits().hits().get(0).id()).as("nearest to %s", r.id()).isEqualTo(r.id());
    }
  }

  @Test
  @Order(2)
  void rebuildIntoNewIndexAndSwapTheAliasAtomically() throws Exception {
    int n = reports.size();
    Searches searches = Searches.start(client, ALIAS);
    createIndex("fixfinder-2");
    // written in four batches with a refresh after each: searched directly, the new index is
    // half-built on the way, which the searches through the alias must never see
    int batch = (n + 3) / 4;
    List<Long> partial = new ArrayList<>();
    for (int from = 0; from < n; from += batch) {
      write("fixfinder-2", 2, reports.subList(from, Math.min(n, from + batch)), from / batch);
      partial.add(count("fixfinder-2"));
    }
    assertThat(partial.get(0)).isLessThan(n);
    health(HealthStatus.Green, TestCluster.NODES);
    client
        .indices()
        .updateAliases(
            u ->
                u.actions(a -> a.remove(r -> r.index("fixfinder-1").alias(ALIAS)))
                    .actions(a -> a.add(ad -> ad.index("fixfinder-2").alias(ALIAS))));
    // until the searches have seen the new generation
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (searches.generations.stream().noneMatch(g -> g == 2) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    searches.stop();
    client.indices().delete(d -> d.index("fixfinder-1"));

    assertThat(searches.errors).isEmpty();
    assertThat(searches.totals).as("hits of every search through the alias").containsOnly((long) n);
    assertThat(searches.generations).contains(1, 2);
    System.out.printf(
        "ClusterIT: alias swap under %d searches, none saw a partial index%n",
        searches.totals.size());
  }

  @Test
  @Order(3)
  void stopANodeWhileSearching() throws Exception {
    int n = reports.size();
    Searches searches = Searches.start(client, ALIAS);
    Thread.sleep(300);
    OpenSearchRunner runner = cluster.runner;
    // node 0 answers the client; any other may go
    int victim = TestCluster.NODES - 1;
    runner.getNode(victim).close();
    health(HealthStatus.Green, TestCluster.NODES - 1);
    int during = searches.totals.size();
    searches.stop();

    // after the reroute: every search answers from every shard
    for (int i = 0; i < 50; i++) {
      SearchResponse<Map> r =
          client.search(
              s -> s.index(ALIAS).size(1).trackTotalHits(t -> t.enabled(true)), Map.class);
      assertThat(r.shards().failed()).isZero();
      assertThat(r.hits().total().value()).isEqualTo(n);
    }
    // while it went: a search either failed visibly or counted everything, never silently short
    assertThat(searches.totals).containsOnly((long) n);
    System.out.printf(
        "ClusterIT: node %d stopped under %d searches: %d failed while the cluster rerouted, 0 after%n",
        victim, during, searches.errors.size());
  }

  // --- helpers ---

  private static void createIndex(String name) throws IOException {
    client
        .indices()
        .create(
            c ->
                c.index(name)
                    .settings(
                        s ->
                            s.numberOfShards(2)
                                .numberOfReplicas(1)
                                .knn(true)
                                // replicas of a departed node's shards are rebuilt at once,
                                // not after the default minute's wait for it to come back
                                .customSettings(
                                    "index.unassigned.node_left.delayed_timeout",
                                    JsonData.of("0s")))
                    .mappings(
                        m ->
                            m.properties(
                                    "body",
                                    p ->
                                        p.text(
                                            t ->
                                                t.analyzer("fixfinder_prose")
                                                    .searchAnalyzer("fixfinder_prose_query")))
                                .properties("generation", p -> p.integer(i -> i))
                                .properties(
                                    "vec",
                                    p ->
                                        p.knnVector(
                                            k ->
                                                k.dimension(DIMENSIONS)
                                                    .method(
                                                        mm ->
                                                            mm.name("hnsw")
                                                                .engine("lucene")
                                                                .spaceType("cosinesimil"))))));
  }

  private static void write(String index, int generation, List<RealTexts.Report> batch, int ignored)
      throws IOException {
    client.bulk(
        b -> {
          for (RealTexts.Report r : batch) {
            Map<String, Object> doc =
                Map.of("body", r.text(), "generation", generation, "vec", embed(r.text()));
            b.operations(op -> op.index(i -> i.index(index).id(r.id()).document(doc)));
          }
          return b.refresh(Refresh.True);
        });
  }

  private static long count(String index) throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  private static void health(HealthStatus status, int nodes) throws IOException {
    var h =
        client
            .cluster()
            .health(
                r ->
                    r.waitForStatus(status)
                        .waitForNodes(w -> w.count(nodes))
                        .waitForNoRelocatingShards(true)
                        .timeout(t -> t.time("150s")));
    assertThat(h.timedOut()).as("cluster %s with %d nodes: %s", status, nodes, h).isFalse();
  }

  /**
   * A deterministic stand-in for a text embedding: hashed word counts, normalised. Texts differ in
   * their words, so each text's own vector is nearest to it (the check above); the real model's
   * vectors are no different to the engine.
   */
  static List<Float> embed(String text) {
    float[] v = new float[DIMENSIONS];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()) continue;
      int h = w.hashCode();
      v[Math.floorMod(h, DIMENSIONS)] += 1;
      v[Math.floorMod(h >>> 8, DIMENSIONS)] += (h & 1) == 0 ? 0.5f : -0.5f;
    }
    double norm = 0;
    for (float x : v) norm += x * x;
    List<Float> out = new ArrayList<>(DIMENSIONS);
    for (float x : v) out.add(norm == 0 ? 1f / DIMENSIONS : (float) (x / Math.sqrt(norm)));
    return out;
  }

  /** Searches through the alias in a loop on one thread until stopped, recording what they saw. */
  static final class Searches {
    final List<Long> totals = new CopyOnWriteArrayList<>();
    final List<Integer> generations = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger count = new AtomicInteger();
    private Thread thread;

    static Searches start(OpenSearchClient client, String index) {
      Searches s = new Searches();
      s.thread =
          Thread.ofPlatform()
              .name("searches")
              .start(
                  () -> {
                    // bounded: at most 20,000 searches or until stopped
                    while (s.running.get() && s.count.incrementAndGet() < 20_000) {
                      try {
                        SearchResponse<Map> r =
                            client.search(
                                q ->
                                    q.index(index)
                                        .size(1)
                                        .trackTotalHits(t -> t.enabled(true))
                                        .query(x -> x.matchAll(m -> m)),
                                Map.class);
                        if (r.shards().failed() > 0) {
                          s.errors.add("shard failures: " + r.shards().failures());
                          continue;
                        }
                        s.totals.add(r.hits().total().value());
                        if (!r.hits().hits().isEmpty()) {
                          s.generations.add(
                              ((Number) r.hits().hits().get(0).source().get("generation"))
                                  .intValue());
                        }
                      } catch (IOException | RuntimeException e) {
                        s.errors.add(e.toString());
                      }
                    }
                  });
      return s;
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(60_000);
    }
  }
}
