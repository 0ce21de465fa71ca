package io.fixfinder.app.bench;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.indexer.view.FollowingIssues;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.opensearch.backend.NodeProcess;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Issue 17's acceptance: the embedded Lucene index against OpenSearch on one node and on three
 * nodes in one JVM, on the same synthetic records and the same queries, one backend after the other
 * in one run, each measured alone (a backend's node runs only during its own turn):
 *
 * <ol>
 *   <li><b>indexing</b> through the product's write path: {@link Indexer#rebuild} (one thread, the
 *       configured RAM buffer) and {@link OpenSearchBackend#writeGeneration} (bulk requests of 256,
 *       refresh, alias swap), both with the same synthetic record vectors ({@link
 *       SyntheticVectors}: the real model would spend the same hours on both sides and hide the
 *       engines);
 *   <li><b>search in process</b>: the API's grouped search ({@link GroupedSearch}: hybrid
 *       retrieval, learned fusion, issue groups, facets, confidence, the page's records), one query
 *       at a time, every query new and embedded by the packaged model;
 *   <li><b>search through the API</b>: a real {@code fixfinder serve} child process (the default
 *       configuration with {@code server.searchCacheMb: 0}; {@code index.backend: opensearch} for
 *       the cluster) under {@code wrk}, every request a query not asked before: one connection
 *       (latency) and more (requests/s).
 * </ol>
 *
 * The issue clusters are made once by the bench clusterer ({@link BenchClusterer}) and copied into
 * each backend's local generation, where {@code serve} loads them whatever the backend.
 */
public final class BackendBench {
  /** The backends compared, with the layout of their generation. */
  public enum Backend {
    EMBEDDED("embedded", 0),
    OPENSEARCH_1("opensearch-1", 1),
    OPENSEARCH_3("opensearch-3", 3);

    public final String id;
    public final int nodes;

    Backend(String id, int nodes) {
      this.id = id;
      this.nodes = nodes;
    }

    public static Backend of(String id) {
      for (Backend b : values()) if (b.id.equals(id)) return b;
      throw new IllegalArgumentException(
          "unknown backend '" + id + "' (embedded, opensearch-1, opensearch-3)");
    }
  }

  /**
   * What to run.
   *
   * @param queries measured in-process searches per backend (after up to 1,000 warm-up ones, 20 s)
   * @param connections wrk connection counts: the first gives the API's latency, each its rate
   * @param nodeHeapMb the OpenSearch JVM's heap per node (three nodes share one JVM of 3x this)
   * @param replicas replicas per shard on three nodes (one node: none); shards are one per node
   * @param nodeTarget {@code opensearch-node/target} (its classes and {@code lib/})
   * @param work kept folder (logs, query lists, the embedded index); empty: a temporary one
   */
  public record Options(
      int docs,
      List<Backend> backends,
      int queries,
      int seconds,
      List<Integer> connections,
      int nodeHeapMb,
      int replicas,
      int ramBufferMb,
      Path jar,
      Path nodeTarget,
      Optional<Path> work) {}

  /** In-process warm-up: this many queries or {@link #WARM_NANOS}, whichever ends first. */
  private static final int WARM_QUERIES = 1_000;

  private static final long WARM_NANOS = 20_000_000_000L;

  /** Distinct queries per wrk run: more than any run here sends. */
  private static final int SLICE = 40_000;

  private BackendBench() {}

  public static void run(Options o, PrintStream out, PrintStream progress) throws Exception {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    SyntheticCollection docs = new SyntheticCollection(records, o.docs());
    Path work =
        o.work().isPresent()
            ? Files.createDirectories(o.work().get())
            : Files.createTempDirectory("fixfinder-bench-backends");
    // every backend gets the same queries for the same phase; no phase repeats another's, so
    // neither a server's caches nor OpenSearch's request cache ever answer from memory
    int warmIn = WARM_QUERIES;
    List<String> queries =
        ApiBench.distinctQueries(
            records, warmIn + o.queries() + SLICE * (1 + o.connections().size()));
    List<String> inWarm = queries.subList(0, warmIn);
    List<String> inMeasured = queries.subList(warmIn, warmIn + o.queries());
    int from = warmIn + o.queries();
    List<List<String>> apiRuns = new ArrayList<>();
    for (int i = 0; i <= o.connections().size(); i++) {
      apiRuns.add(queries.subList(from, from + SLICE));
      from += SLICE;
    }
    Path script = work.resolve("queries.lua");
    Files.writeString(script, ApiBench.LUA);

    List<String> indexing = new ArrayList<>();
    List<String> inProcess = new ArrayList<>();
    List<String> api = new ArrayList<>();
    List<String> nodeWork = new ArrayList<>();
    try {
      SyntheticVectors vectors = ApiBench.vectors(records, progress);
      Optional<Path> clusters = Optional.empty();
      for (Backend b : o.backends()) {
        Path dir = work.resolve(b.id);
        if (Files.exists(dir)) FileTrees.delete(dir);
        Path data = dir.resolve("data");
        Path root = data.resolve("index");
        String layout = layout(b, o);
        progress.printf(Locale.ROOT, "%s: %s, load %s%n", b.id, layout, load());
        NodeProcess node = b.nodes == 0 ? null : startNodes(b, o, dir, progress);
        try {
          Optional<OpenSearchSettings> cluster =
              node == null ? Optional.empty() : Optional.of(settings(b, o, node));
          // 1. indexing, the product's write path, timed alone
          String before = load();
          Indexer.Report report;
          if (cluster.isEmpty()) {
            report = Indexer.rebuild(root, o.ramBufferMb(), Optional.of(vectors), docs, progress);
          } else {
            try (OpenSearchBackend writer =
                OpenSearchBackend.forWriting(cluster.get(), ranking(), Optional.of(vectors))) {
              report = writer.writeGeneration(docs);
            }
            // the local generation without records that carries the issue clusters, as `index
            // --backend opensearch` writes it
            Indexer.rebuild(
                root,
                o.ramBufferMb(),
                Optional.empty(),
                List.of(),
                new PrintStream(OutputStream.nullOutputStream()));
          }
          double seconds = report.took().toNanos() / 1e9;
          indexing.add(
              cells(
                  b.id,
                  layout,
                  Long.toString(report.indexed()),
                  Long.toString(report.failed()),
                  f1(seconds),
                  f0(report.indexed() / seconds),
                  before + " / " + load()));
          progress.printf(
              Locale.ROOT,
              "%s: %d records indexed in %.1f s (%.0f/s)%n",
              b.id,
              report.indexed(),
              seconds,
              report.indexed() / seconds);
          Path generation = IndexStore.currentGeneration(root).orElseThrow();
          if (clusters.isEmpty() || !ClusterStore.copyCommit(clusters.get(), generation)) {
            ApiBench.clusterInto(generation, vectors, records, o.docs(), progress);
          }
          clusters = Optional.of(generation);

          // 2. the API's grouped search in this process; on the cluster, what the nodes did for it
          before = load();
          InProcess measured =
              inProcess(
                  data,
                  cluster,
                  Optional.ofNullable(node).map(NodeProcess::url),
                  inWarm,
                  inMeasured);
          Latencies l = measured.latencies();
          measured.node().ifPresent(n -> nodeWork.add(n.row(b.id, l)));
          inProcess.add(
              cells(
                  b.id,
                  Integer.toString(l.count()),
                  f2(l.percentileMs(50)),
                  f2(l.percentileMs(90)),
                  f2(l.percentileMs(99)),
                  f2(l.meanMs()),
                  before + " / " + load()));
          progress.printf(
              Locale.ROOT,
              "%s: in process p50 %.2f ms, p99 %.2f ms%n",
              b.id,
              l.percentileMs(50),
              l.percentileMs(99));

          // 3. through the API: `serve` under wrk, every request a new query
          try (ApiBench.Server server =
              ApiBench.Server.start(o.jar(), dir, data, b.id, serverConfig(cluster))) {
            int most = o.connections().stream().max(Integer::compare).orElseThrow();
            progress.println(b.id + ": warming the server for " + o.seconds() + " s");
            ApiBench.wrk(
                server.port,
                script,
                ApiBench.write(dir, "warm", apiRuns.getFirst()),
                o.seconds(),
                most);
            for (int i = 0; i < o.connections().size(); i++) {
              int c = o.connections().get(i);
              progress.println(b.id + ": " + c + " connections for " + o.seconds() + " s");
              before = load();
              List<String> slice = apiRuns.get(i + 1);
              ApiBench.Wrk w =
                  ApiBench.wrk(
                      server.port, script, ApiBench.write(dir, "run" + i, slice), o.seconds(), c);
              api.add(
                  cells(
                      b.id,
                      Integer.toString(c),
                      Long.toString(w.requests()),
                      f0(w.rps()),
                      f1(w.p50()),
                      f1(w.p90()),
                      f1(w.p99()),
                      f0(w.max()),
                      before + " / " + load(),
                      w.requests() > slice.size() ? "queries repeated" : ""));
            }
          }
        } finally {
          if (node != null) {
            node.close();
            // the cluster's data is this run's only
            FileTrees.delete(dir.resolve("node"));
          }
        }
        out.println();
        out.println("## after " + b.id + " (load " + load() + ")");
        print(o, indexing, inProcess, nodeWork, api, out);
      }
    } finally {
      if (o.work().isEmpty()) FileTrees.delete(work);
    }
  }

  private static void print(
      Options o,
      List<String> indexing,
      List<String> inProcess,
      List<String> nodeWork,
      List<String> api,
      PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "Indexing %d synthetic records with synthetic vectors (the product's write path):%n",
        o.docs());
    out.println(
        "| backend | layout | indexed | failed | seconds | records/s | load before / after |");
    out.println("|---|---|---:|---:|---:|---:|---|");
    indexing.forEach(out::println);
    out.println();
    out.println(
        "Search in process (GroupedSearch: hybrid, learned fusion, issue groups; one thread, every"
            + " query new and embedded):");
    out.println("| backend | queries | p50 ms | p90 ms | p99 ms | mean ms | load before / after |");
    out.println("|---|---:|---:|---:|---:|---:|---|");
    inProcess.forEach(out::println);
    if (!nodeWork.isEmpty()) {
      out.println();
      out.println(
          "What the nodes did per in-process search (_nodes/stats, summed over nodes and shards):");
      out.println(NodeStats.HEADER);
      nodeWork.forEach(out::println);
    }
    out.println();
    out.println(
        "Through the API (`serve`, searchCacheMb 0, wrk closed loop, every request a new query):");
    out.println(
        "| backend | connections | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | load"
            + " before / after | note |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
    api.forEach(out::println);
    out.flush();
  }

  /** What the generation is laid out on, as the table says it. */
  private static String layout(Backend b, Options o) {
    return switch (b) {
      case EMBEDDED -> "Lucene in the data directory, RAM buffer " + o.ramBufferMb() + " MB";
      case OPENSEARCH_1 -> "1 node, 1 shard, 0 replicas, heap " + o.nodeHeapMb() + " MB";
      case OPENSEARCH_3 ->
          "3 nodes in one JVM, 3 shards, "
              + o.replicas()
              + " replica(s), heap 3 x "
              + o.nodeHeapMb()
              + " MB";
    };
  }

  /**
   * The nodes in a JVM of their own with the heap asked for and OpenSearch's own collector (G1, as
   * its {@code jvm.options} sets); each node sizes its thread pools for its share of the cores.
   */
  private static NodeProcess startNodes(Backend b, Options o, Path dir, PrintStream progress)
      throws Exception {
    int heap = o.nodeHeapMb() * b.nodes;
    int processors = Math.max(1, Runtime.getRuntime().availableProcessors() / b.nodes);
    long t0 = System.nanoTime();
    try {
      NodeProcess node =
          NodeProcess.start(
              NodeProcess.classpath(o.nodeTarget()),
              dir.resolve("node"),
              NodeProcess.freePortPair(),
              b.nodes,
              List.of(
                  "-Xms" + heap + "m",
                  "-Xmx" + heap + "m",
                  "-XX:+UseG1GC",
                  // Nodes.PROCESSORS of opensearch-node (not on this class path)
                  "-Dfixfinder.node.processors=" + processors),
              Duration.ofSeconds(600));
      progress.printf(
          Locale.ROOT,
          "%s: %d node(s) at %s up in %.0f s%n",
          b.id,
          b.nodes,
          node.urls(),
          (System.nanoTime() - t0) / 1e9);
      return node;
    } catch (NodeProcess.NotStarted e) {
      throw new IOException(e.getMessage() + "\n" + e.errorTail(), e);
    }
  }

  private static OpenSearchSettings settings(Backend b, Options o, NodeProcess node) {
    OpenSearchSettings s = OpenSearchSettings.of(node.urls(), System.getenv());
    return b.nodes == 1 ? s : s.withLayout(b.nodes, o.replicas());
  }

  private static ExternalRanking ranking() {
    return new ExternalRanking(
        KeyExtractor.builtIn(), Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT);
  }

  /**
   * The API's grouped search without HTTP, as {@code serve} composes it: over the embedded {@link
   * Searcher} and {@link RecordLookup}, or over the cluster's windows; the issue clusters of the
   * local generation either way.
   */
  private static InProcess inProcess(
      Path data,
      Optional<OpenSearchSettings> cluster,
      Optional<URI> statsFrom,
      List<String> warm,
      List<String> measured)
      throws Exception {
    try (MiniLmEmbedder model = new MiniLmEmbedder()) {
      FollowingIssues issues = new FollowingIssues(model, data.resolve("clusters"));
      try (IndexStore store = IndexStore.openReadOnly(data.resolve("index"), issues)) {
        OpenSearchBackend os = null;
        try {
          GroupedSearch grouped;
          if (cluster.isEmpty()) {
            Searcher searcher =
                new Searcher(
                    store.searchers(),
                    KeyExtractor.builtIn(),
                    Optional.<Embedder>of(model),
                    Retrieval.HYBRID,
                    Fusion.LEARNED);
            grouped =
                new GroupedSearch(
                    searcher,
                    issues,
                    FeedbackSignals.none(),
                    new RecordLookup(store.searchers()),
                    Lexicon.builtIn(),
                    java.time.Clock.systemUTC());
          } else {
            os = OpenSearchBackend.open(cluster.get(), ranking(), Optional.<Embedder>of(model));
            grouped =
                new GroupedSearch(
                    os,
                    issues,
                    FeedbackSignals.none(),
                    Lexicon.builtIn(),
                    java.time.Clock.systemUTC());
          }
          long warmEnd = System.nanoTime() + WARM_NANOS;
          for (String q : warm) {
            grouped.search(SearchRequest.of(q));
            if (System.nanoTime() > warmEnd) break;
          }
          Optional<NodeStats.Counts> before = statsFrom.map(NodeStats::read);
          Latencies l = new Latencies();
          for (String q : measured) {
            long t = System.nanoTime();
            grouped.search(SearchRequest.of(q));
            l.add(System.nanoTime() - t);
          }
          return new InProcess(l, before.map(b -> NodeStats.read(statsFrom.get()).minus(b)));
        } finally {
          if (os != null) os.close();
        }
      }
    }
  }

  /** In-process latencies and, on a cluster, what its nodes did meanwhile. */
  private record InProcess(Latencies latencies, Optional<NodeStats.Counts> node) {}

  /** The default configuration, the response cache off; on the cluster when there is one. */
  static String serverConfig(Optional<OpenSearchSettings> cluster) {
    String backend =
        cluster
            .map(
                s ->
                    "  backend: opensearch\n  opensearch:\n    urls: ["
                        + s.urls().stream()
                            .map(URI::toString)
                            .map(u -> "\"" + u + "\"")
                            .collect(Collectors.joining(", "))
                        + "]\n")
            .orElse("");
    return "index:\n"
        + "  embeddings: true\n"
        + "  retrieval: hybrid\n"
        + "  fusion: learned\n"
        + backend
        + "server:\n"
        + "  searchCacheMb: 0\n"
        + "  rateLimitPerMinute: 100000000\n"
        + "  rateLimitBurst: 10000000\n";
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
  public static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String cells(String... values) {
    return "| " + String.join(" | ", values) + " |";
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
