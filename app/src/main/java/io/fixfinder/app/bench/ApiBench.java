package io.fixfinder.app.bench;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API under load: wrk on loopback against {@code /api/search} of a real {@code fixfinder
 * serve} child process over a synthetic index with the default configuration (hybrid retrieval,
 * learned fusion, issue clusters), beside the {@code retrieval: bm25} baseline on the same index in
 * the same run. Every request is a query not asked before in that server process, so neither the
 * response cache nor the query-vector cache helps: each hybrid request embeds its query with the
 * packaged model. Record vectors are synthetic ({@link SyntheticVectors}), written through the real
 * indexer; the issue clusters are made by the real clusterer over them.
 *
 * <p>Closed loop (wrk, N connections each waiting for its answer) and, at fixed arrival rates, open
 * loop (requests sent on a schedule whatever the server's state, latency counted from the scheduled
 * time so a stalled server is not hidden). Also in the same run: the query embedding alone, and the
 * same searches in process on one thread.
 */
public final class ApiBench {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PCT = Pattern.compile("\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\b");
  private static final Pattern MAX =
      Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)\\b");
  private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");

  /** Distinct queries each measured run draws from; no run reuses another's. */
  private static final int SLICE = 40_000;

  /** Words of the synthetic text embedded for real to make the record vectors. */
  private static final int VOCABULARY = 4_000;

  /** The p99 an open-loop rate must keep to count as sustained (issue 13's target). */
  private static final double TARGET_P99_MS = 50;

  /**
   * What to run.
   *
   * @param retrievals server configurations, the default ({@code hybrid}) first
   * @param rates open-loop arrival rates per second for the first retrieval; empty: derived from
   *     its closed-loop throughput at the most connections
   * @param reuse fail instead of building when {@code indexDir} holds no matching index
   */
  public record Options(
      int docs,
      int seconds,
      List<Integer> connections,
      List<String> retrievals,
      List<Double> rates,
      boolean openLoop,
      Optional<Path> indexDir,
      boolean reuse,
      boolean buildOnly,
      int buildThreads,
      int ramBufferMb,
      Path jar) {}

  private ApiBench() {}

  public static void run(Options o, PrintStream out, PrintStream progress) throws Exception {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    Path work =
        o.indexDir().isPresent()
            ? Files.createDirectories(o.indexDir().get())
            : Files.createTempDirectory("fixfinder-bench-api");
    try {
      Path data = work.resolve("data");
      Path root = data.resolve("index");
      Path built = work.resolve("records.txt");
      Path clustered = work.resolve("clusters.txt");
      String marker =
          o.docs()
              + " records, schema "
              + SchemaVersion.CURRENT
              + ", synthetic vectors v1 ("
              + VOCABULARY
              + " words)";
      String clusterMarker = marker + ", bench clusters v1";
      boolean indexOk = Files.exists(built) && Files.readString(built).strip().equals(marker);
      boolean clustersOk =
          indexOk
              && Files.exists(clustered)
              && Files.readString(clustered).strip().equals(clusterMarker);
      if (o.reuse() && !(indexOk && clustersOk)) {
        throw new io.fixfinder.app.Main.UsageError(
            "--reuse: "
                + work
                + " holds no complete index of "
                + marker
                + (Files.exists(built)
                    ? " (it holds: " + Files.readString(built).strip() + ")"
                    : ""));
      }
      if (indexOk && clustersOk) {
        progress.println("reusing the index and clusters in " + root + " (" + marker + ")");
      } else {
        SyntheticVectors vectors = vectors(records, progress);
        if (!indexOk) {
          Files.deleteIfExists(built);
          Files.deleteIfExists(clustered);
          if (Files.exists(data)) FileTrees.delete(data);
          // a large buffer: fewer segments to merge, and merging re-inserts every vector in a graph
          buildIndex(
              root,
              o.docs(),
              Math.max(o.ramBufferMb(), 1024),
              o.buildThreads(),
              vectors,
              records,
              progress);
          Files.writeString(built, marker);
        }
        cluster(vectors, records, o.docs(), root, progress);
        Files.writeString(clustered, clusterMarker);
      }
      out.println("index: " + clusterMarker + ", " + sizeMb(root) + " MB on disk");
      if (o.buildOnly()) return;

      int openRuns = o.openLoop() ? Math.max(3, o.rates().size()) : 0;
      List<String> queries =
          distinctQueries(records, SLICE * (1 + o.connections().size() + openRuns) + 10_000);
      int[] next = {0};
      java.util.function.IntFunction<List<String>> slice =
          n -> {
            List<String> s = queries.subList(next[0], next[0] + n);
            next[0] += n;
            return s;
          };
      List<String> warm = slice.apply(10_000);
      List<String> embedQueries = slice.apply(SLICE);
      List<List<String>> runs = new ArrayList<>();
      for (int i = 0; i < o.connections().size() + openRuns; i++) runs.add(slice.apply(SLICE));

      embedCost(embedQueries.subList(0, 2_000), out);

      List<String[]> closed = new ArrayList<>();
      List<String[]> open = new ArrayList<>();
      for (int r = 0; r < o.retrievals().size(); r++) {
        String retrieval = o.retrievals().get(r);
        boolean first = r == 0;
        try (Server server = Server.start(o.jar(), work, data, retrieval)) {
          Path script = work.resolve("queries.lua");
          Files.writeString(script, LUA);
          int most = o.connections().stream().max(Integer::compare).orElse(16);
          // Warm the JIT and the page cache with queries the measured runs never send. Under full
          // load the compiler threads get a small share of the two cores: 30 s, not 10.
          progress.println("warming " + retrieval + " for 30 s");
          wrk(server.port, script, write(work, "warm", warm), 30, most);
          double best = 0;
          for (int i = 0; i < o.connections().size(); i++) {
            int c = o.connections().get(i);
            progress.println(retrieval + ": " + c + " connections for " + o.seconds() + " s");
            Wrk w = wrk(server.port, script, write(work, "run" + i, runs.get(i)), o.seconds(), c);
            if (c == most) best = w.rps();
            closed.add(
                row(
                    retrieval + (first ? " (default)" : " (baseline)"),
                    Integer.toString(c),
                    w.rps(),
                    w.p50(),
                    w.p90(),
                    w.p99(),
                    w.max(),
                    w.requests() > runs.get(i).size() ? "queries repeated" : ""));
          }
          if (first && o.openLoop()) {
            List<Double> rates =
                o.rates().isEmpty() ? List.of(0.4 * best, 0.6 * best, 0.8 * best) : o.rates();
            int k = o.connections().size();
            for (double rate : rates) {
              progress.printf(
                  Locale.ROOT, "%s: open loop at %.0f/s for %d s%n", retrieval, rate, o.seconds());
              OpenLoop.Result res = OpenLoop.run(server.port, runs.get(k++), rate, o.seconds());
              open.add(
                  row(
                      retrieval,
                      String.format(Locale.ROOT, "%.0f/s", rate),
                      res.achieved(),
                      res.latencies().percentileMs(50),
                      res.latencies().percentileMs(90),
                      res.latencies().percentileMs(99),
                      res.latencies().percentileMs(100),
                      (res.latencies().percentileMs(99) < TARGET_P99_MS
                              ? "p99 < 50 ms"
                              : "p99 >= 50 ms")
                          + (res.errors() > 0 ? ", " + res.errors() + " errors" : "")));
            }
          }
        }
      }
      out.println();
      out.println("Closed loop (wrk; each connection waits for its answer), every query new:");
      out.println(
          "| server | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | note |");
      out.println("|---|---|---|---|---|---|---|---|");
      closed.forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
      if (!open.isEmpty()) {
        out.println();
        out.println(
            "Open loop (fixed arrival rate; latency from the scheduled send), every query new:");
        out.println("| server | offered | answered/s | p50 ms | p90 ms | p99 ms | max ms | note |");
        out.println("|---|---|---|---|---|---|---|---|");
        open.forEach(r -> out.println("| " + String.join(" | ", r) + " |"));
      }
      out.flush();
      inProcess(root, o.retrievals(), runs.getFirst().subList(0, 2_000), warm, out);
    } finally {
      if (o.indexDir().isEmpty()) FileTrees.delete(work);
    }
  }

  // ------------------------------------------------------------------ build

  /**
   * Indexes {@code docs} synthetic records with synthetic vectors through the real write path
   * ({@link IndexStore#addAll}: the document mapping, the vector field, Lucene's HNSW graph), on
   * {@code threads} threads, each writing runs of records in order of prior as {@link Indexer}
   * does; then promotes the generation. A bench only: the product indexes on one thread.
   */
  static void buildIndex(
      Path root,
      int docs,
      int ramBufferMb,
      int threads,
      Embedder vectors,
      SyntheticRecords records,
      PrintStream progress)
      throws Exception {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    AtomicLong nextRun = new AtomicLong();
    int run = 32_768;
    try (IndexStore store = IndexStore.openAside(root, ramBufferMb, Optional.of(vectors));
        Progress p =
            new Progress(
                "index",
                "records",
                done::get,
                () -> docs - done.get(),
                progress,
                Duration.ofSeconds(15))) {
      List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        for (int t = 0; t < threads; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (long from; (from = nextRun.getAndAdd(run)) < docs; ) {
                      List<SourceDoc> part = new ArrayList<>(run);
                      for (long i = from; i < Math.min(docs, from + run); i++)
                        part.add(records.record(i));
                      part.sort(
                          (a, b) ->
                              Float.compare(DocumentMapper.prior(b), DocumentMapper.prior(a)));
                      for (int b = 0; b < part.size(); b += 128) {
                        List<SourceDoc> batch = part.subList(b, Math.min(part.size(), b + 128));
                        store.addAll(batch, List.of());
                        done.addAndGet(batch.size());
                      }
                    }
                    return null;
                  }));
        }
        for (var w : workers) w.get();
      } finally {
        pool.shutdownNow();
      }
      progress.println(
          "index: all records added; committing (Lucene flushes and merges the vector graphs now,"
              + " which has no ETA)");
      store.commit();
      store.promote();
    }
    progress.printf(
        Locale.ROOT,
        "build: %d records with vectors indexed in %.0f s%n",
        docs,
        (System.nanoTime() - start) / 1e9);
  }

  /** The model-backed stand-in vectors (a few thousand words embedded for real). */
  static SyntheticVectors vectors(SyntheticRecords records, PrintStream progress) {
    long start = System.nanoTime();
    SyntheticVectors vectors;
    try (MiniLmEmbedder model = new MiniLmEmbedder()) {
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < 3_000; i++) sample.add(DocumentMapper.embeddingText(records.record(i)));
      sample.addAll(records.queries(3_000));
      vectors = SyntheticVectors.learn(model, sample, VOCABULARY);
    }
    progress.printf(
        Locale.ROOT,
        "build: %d words embedded by the model for the synthetic vectors in %.1f s%n",
        vectors.vocabularySize(),
        (System.nanoTime() - start) / 1e9);
    return vectors;
  }

  /**
   * Issue clusters for the synthetic records through the real {@link ClusterStore} (placement by
   * {@link BenchClusterer}), committed into the live generation, where a server starting on it
   * loads them; added in chunks to show progress.
   */
  static void cluster(
      Embedder vectors, SyntheticRecords records, int docs, Path root, PrintStream progress)
      throws IOException {
    clusterInto(IndexStore.currentGeneration(root).orElseThrow(), vectors, records, docs, progress);
  }

  /** As {@link #cluster}, into the generation folder {@code generation}. */
  static void clusterInto(
      Path generation, Embedder vectors, SyntheticRecords records, int docs, PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    try (ClusterStore clusters =
            ClusterStore.open(
                generation, vectors, new BenchClusterer(), java.time.Clock.systemUTC());
        Progress p =
            new Progress(
                "clusters",
                "records",
                done::get,
                () -> docs - done.get(),
                progress,
                Duration.ofSeconds(15))) {
      int chunk = 20_000;
      for (int from = 0; from < docs; from += chunk) {
        List<SourceDoc> part = new ArrayList<>(chunk);
        for (int i = from; i < Math.min(docs, from + chunk); i++) part.add(records.record(i));
        clusters.add(part);
        done.addAndGet(part.size());
      }
      clusters.commit();
      progress.printf(
          Locale.ROOT,
          "build: %d records in %d issue clusters in %.0f s%n",
          clusters.documentCount(),
          clusters.clusterCount(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static long sizeMb(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
    }
  }

  // ------------------------------------------------------------------ measures

  /**
   * The query embedding alone, one query at a time on one thread (what one request pays), and two
   * threads at once (what two cores give), each query new.
   */
  private static void embedCost(List<String> queries, PrintStream out) throws Exception {
    try (MiniLmEmbedder model = new MiniLmEmbedder(1)) {
      for (String q : queries.subList(0, 200)) model.embed(q + " warm");
      Latencies one = new Latencies();
      for (String q : queries) {
        long t = System.nanoTime();
        model.embed(q);
        one.add(System.nanoTime() - t);
      }
      Latencies two = new Latencies();
      long start = System.nanoTime();
      Thread[] threads = new Thread[2];
      for (int k = 0; k < threads.length; k++) {
        int offset = k;
        threads[k] =
            Thread.ofPlatform()
                .start(
                    () -> {
                      Latencies mine = new Latencies();
                      for (int i = offset; i < queries.size(); i += threads.length) {
                        long t = System.nanoTime();
                        model.embed(queries.get(i) + " again");
                        mine.add(System.nanoTime() - t);
                      }
                      synchronized (two) {
                        two.addAll(mine);
                      }
                    });
      }
      for (Thread t : threads) t.join();
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println();
      out.println("Query embedding alone (packaged model, every query new):");
      out.println("| threads | queries/s | p50 ms | p90 ms | p99 ms | max ms |");
      out.println("|---|---|---|---|---|---|");
      out.printf(
          Locale.ROOT,
          "| 1 | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
          1000 / one.meanMs(),
          one.percentileMs(50),
          one.percentileMs(90),
          one.percentileMs(99),
          one.percentileMs(100));
      out.printf(
          Locale.ROOT,
          "| 2 | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
          queries.size() / seconds,
          two.percentileMs(50),
          two.percentileMs(90),
          two.percentileMs(99),
          two.percentileMs(100));
      out.flush();
    }
  }

  /** The same searches in process, one thread, no HTTP: the floor under the API figures. */
  private static void inProcess(
      Path root, List<String> retrievals, List<String> queries, List<String> warm, PrintStream out)
      throws Exception {
    out.println();
    out.println("In process (Searcher, one thread, no HTTP, no grouping), every query new:");
    out.println("| retrieval | searches/s | p50 ms | p90 ms | p99 ms | max ms |");
    out.println("|---|---|---|---|---|---|");
    try (IndexStore store = IndexStore.openReadOnly(root);
        MiniLmEmbedder model = new MiniLmEmbedder()) {
      for (String retrieval : retrievals) {
        Searcher searcher =
            new Searcher(
                store.searchers(),
                KeyExtractor.builtIn(),
                Optional.of(model),
                io.fixfinder.core.config.FixFinderConfig.Retrieval.of(retrieval),
                io.fixfinder.core.config.FixFinderConfig.Fusion.LEARNED);
        for (String q : warm.subList(0, 1_000)) searcher.search(SearchRequest.of(q));
        Latencies l = new Latencies();
        for (String q : queries) {
          long t = System.nanoTime();
          searcher.search(SearchRequest.of(q));
          l.add(System.nanoTime() - t);
        }
        out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
            retrieval,
            1000 / l.meanMs(),
            l.percentileMs(50),
            l.percentileMs(90),
            l.percentileMs(99),
            l.percentileMs(100));
      }
    }
  }

  private static String[] row(
      String server,
      String load,
      double rps,
      double p50,
      double p90,
      double p99,
      double max,
      String note) {
    return new String[] {
      server,
      load,
      String.format(Locale.ROOT, "%.0f", rps),
      String.format(Locale.ROOT, "%.1f", p50),
      String.format(Locale.ROOT, "%.1f", p90),
      String.format(Locale.ROOT, "%.1f", p99),
      String.format(Locale.ROOT, "%.0f", max),
      note
    };
  }

  static List<String> distinctQueries(SyntheticRecords records, int n) {
    LinkedHashSet<String> set = new LinkedHashSet<>(records.queries(n));
    List<String> base = new ArrayList<>(set);
    // top up with a second filler word: still text people type, never asked before
    String[] filler =
        "again now still sometimes suddenly today help please urgent why how noisy old new"
            .split(" ");
    for (int i = 0; set.size() < n; i++)
      set.add(
          base.get(i % base.size())
              + " "
              + filler[(i / base.size()) % filler.length]
              + " "
              + (i / base.size() / filler.length));
    return new ArrayList<>(set).subList(0, n);
  }

  static Path write(Path work, String name, List<String> queries) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String q : queries) paths.add(path(q));
    Path file = work.resolve(name + ".paths");
    Files.write(file, paths);
    return file;
  }

  static String path(String query) {
    return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ the server

  /** A {@code fixfinder serve} child process over the bench index with one retrieval mode. */
  static final class Server implements AutoCloseable {
    final int port;
    final Process process;

    private Server(int port, Process process) {
      this.port = port;
      this.process = process;
    }

    static Server start(Path jar, Path work, Path data, String retrieval) throws Exception {
      return start(
          jar,
          work,
          data,
          retrieval,
          String.format(
              Locale.ROOT,
              """
              index:
                embeddings: true
                retrieval: %s
                fusion: learned
              server:
                rateLimitPerMinute: 100000000
                rateLimitBurst: 10000000
              """,
              retrieval));
    }

    /**
     * A server named {@code name} (its config file, its log, {@code {retrieval}} in {@code
     * FIXFINDER_BENCH_SERVER_OPTS}) with the site file {@code yaml}.
     */
    static Server start(Path jar, Path work, Path data, String name, String yaml) throws Exception {
      String retrieval = name;
      Path config = work.resolve("bench-" + name + ".yaml");
      Files.writeString(config, yaml);
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("--enable-native-access=ALL-UNNAMED");
      // the server runs with this JVM's heap and collector options: ./fixfinder's, as `serve` has
      for (String arg :
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        if (arg.startsWith("-XX:")
            || arg.startsWith("-Xm")
            || arg.startsWith("-Xs")
            || arg.startsWith("--add-modules")) command.add(arg);
      // extra JVM options for the server, e.g. a flight recording: FIXFINDER_BENCH_SERVER_OPTS
      String opts = System.getenv("FIXFINDER_BENCH_SERVER_OPTS");
      if (opts != null && !opts.isBlank())
        command.addAll(List.of(opts.strip().replace("{retrieval}", retrieval).split("\\s+")));
      command.addAll(
          List.of(
              "-jar",
              jar.toString(),
              "serve",
              "--config",
              config.toString(),
              "--data",
              data.toString(),
              "--port",
              Integer.toString(port)));
      Path log = work.resolve("server-" + retrieval + ".log");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Server s = new Server(port, p);
      try {
        waitHealthy(port, p, log);
      } catch (Exception e) {
        s.close();
        throw e;
      }
      return s;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void waitHealthy(int port, Process server, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // a million records' issue clusters take a while to load
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) throw new IOException("the server exited:\n" + Files.readString(log));
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("the server did not become healthy in 600 s:\n" + Files.readString(log));
  }

  // ------------------------------------------------------------------ closed loop: wrk

  record Wrk(double rps, double p50, double p90, double p99, double max, long requests) {}

  static Wrk wrk(int port, Path script, Path paths, int seconds, int connections)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            "wrk",
            "-t" + Math.min(2, connections),
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            script.toString(),
            "http://127.0.0.1:" + port,
            "--",
            Integer.toString(Math.min(2, connections)));
    pb.environment().put("FF_PATHS", paths.toString());
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("wrk is not installed (Debian: apt-get install wrk)", e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("wrk failed:\n" + output);
    Matcher rps = RPS.matcher(output);
    Matcher count = COUNT.matcher(output);
    Matcher max = MAX.matcher(output);
    if (!rps.find() || !count.find() || !max.find())
      throw new IOException("unexpected wrk output:\n" + output);
    double[] pct = new double[4];
    Matcher m = PCT.matcher(output);
    while (m.find()) {
      double ms = ms(m.group(2), m.group(3));
      switch (m.group(1)) {
        case "50" -> pct[0] = ms;
        case "75" -> pct[1] = ms;
        case "90" -> pct[2] = ms;
        default -> pct[3] = ms;
      }
    }
    if (output.contains("Non-2xx or 3xx responses") || output.contains("Socket errors"))
      throw new IOException("the server answered errors under load:\n" + output);
    return new Wrk(
        Double.parseDouble(rps.group(1)),
        pct[0],
        pct[2],
        pct[3],
        ms(max.group(1), max.group(2)),
        Long.parseLong(count.group(1)));
  }

  private static double ms(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  /**
   * Each wrk thread walks the path list with its own offset and a stride of the thread count, so no
   * two requests of a run repeat a query until the list wraps.
   */
  static final String LUA =
      """
      local paths = {}
      for line in io.lines(os.getenv("FF_PATHS")) do paths[#paths + 1] = line end
      local next_id = 0
      function setup(thread)
        thread:set("tid", next_id)
        next_id = next_id + 1
      end
      local stride = 1
      local n = 0
      function init(args)
        stride = tonumber(args[1] or "1")
      end
      function request()
        local i = (tid + n * stride) % #paths
        n = n + 1
        return wrk.format("GET", paths[i + 1])
      end
      """;

  // ------------------------------------------------------------------ open loop

  /**
   * Requests sent at a fixed rate whatever the server's state (wrk waits for each answer, so a slow
   * server also slows the load it gets). Latency runs from the scheduled send, so a request that
   * waited behind a stall counts the wait. Requests still unanswered 30 s after the last send count
   * as errors.
   */
  static final class OpenLoop {
    record Result(double achieved, Latencies latencies, long errors) {}

    static Result run(int port, List<String> queries, double rate, int seconds)
        throws InterruptedException {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      int n = (int) Math.min(queries.size(), Math.round(rate * seconds));
      Latencies latencies = new Latencies();
      AtomicLong errors = new AtomicLong();
      List<CompletableFuture<Void>> pending = new ArrayList<>(n);
      long period = (long) (1e9 / rate);
      long start = System.nanoTime() + 100_000_000L;
      for (int i = 0; i < n; i++) {
        long due = start + i * period;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        HttpRequest req =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path(queries.get(i))))
                .timeout(Duration.ofSeconds(30))
                .build();
        pending.add(
            client
                .sendAsync(req, HttpResponse.BodyHandlers.discarding())
                .handle(
                    (r, e) -> {
                      long took = System.nanoTime() - due;
                      synchronized (latencies) {
                        if (e != null || r.statusCode() != 200) errors.incrementAndGet();
                        else latencies.add(took);
                      }
                      return null;
                    }));
      }
      try {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
            .get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // counted per request above; those still pending count as errors below
      }
      long unanswered = pending.stream().filter(f -> !f.isDone()).count();
      double took = (System.nanoTime() - start) / 1e9;
      synchronized (latencies) {
        return new Result(latencies.count() / took, latencies, errors.get() + unanswered);
      }
    }
  }
}
