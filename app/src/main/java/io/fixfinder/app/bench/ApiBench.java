package io.fixfinder.app.bench;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API under load: wrk on loopback against {@code /api/search} of a real {@code fixfinder
 * serve} child process over a synthetic index. Uncached: every request a query not asked before
 * (the list is longer than the run); cached: a few queries asked again and again. The floor, in the
 * same run after the server stops: the same queries through the same {@link Searcher} in process.
 */
public final class ApiBench {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PCT = Pattern.compile("\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\b");

  private ApiBench() {}

  public static void run(
      int docs,
      int seconds,
      int connections,
      int ramBufferMb,
      Path jar,
      Optional<Path> keep,
      PrintStream out,
      PrintStream progress)
      throws Exception {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    Path work =
        keep.isPresent()
            ? Files.createDirectories(keep.get())
            : Files.createTempDirectory("fixfinder-bench-api");
    try {
      Path data = work.resolve("data");
      // A kept index is reused when it was built for the same number of records and schema.
      Path built = work.resolve("records.txt");
      String marker =
          docs + " records, schema " + io.fixfinder.indexer.schema.SchemaVersion.CURRENT;
      if (keep.isEmpty()
          || !Files.exists(built)
          || !Files.readString(built).strip().equals(marker)) {
        Files.deleteIfExists(built);
        Indexer.rebuild(
            data.resolve("index"),
            ramBufferMb,
            Optional.empty(),
            new SyntheticCollection(records, docs),
            progress);
        Files.writeString(built, marker);
      } else {
        progress.println("reusing the index in " + data.resolve("index"));
      }
      List<String> distinct = distinctQueries(records, 60_000);
      List<String> few = distinct.subList(0, 50);
      Path config = work.resolve("bench.yaml");
      Files.writeString(
          config,
          """
          index:
            embeddings: false
            retrieval: bm25
          server:
            rateLimitPerMinute: 100000000
            rateLimitBurst: 10000000
          """);
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("--enable-native-access=ALL-UNNAMED");
      // the server runs with this JVM's heap and collector options: ./fixfinder's, as `serve` has
      for (String arg :
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        if (arg.startsWith("-XX:") || arg.startsWith("-Xm") || arg.startsWith("-Xs"))
          command.add(arg);
      // extra JVM options for the server, e.g. a flight recording: FIXFINDER_BENCH_SERVER_OPTS
      String opts = System.getenv("FIXFINDER_BENCH_SERVER_OPTS");
      if (opts != null && !opts.isBlank()) command.addAll(List.of(opts.strip().split("\\s+")));
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
      Process server =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("server.log").toFile())
              .start();
      try {
        waitHealthy(port, server, work.resolve("server.log"));
        Path script = work.resolve("queries.lua");
        Files.writeString(script, LUA);
        out.println(
            "| run | docs | connections | requests/s | p50 ms | p75 ms | p90 ms | p99 ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        // Warm the JIT and the page cache with queries the measured runs never send. Under full
        // load the compiler threads get a small share of the two cores: 30 s, not 10, before the
        // compiled code settles.
        wrk(port, script, write(work, "warm", distinct.subList(50_000, 60_000)), 30, connections);
        Wrk uncached =
            wrk(
                port,
                script,
                write(work, "uncached", distinct.subList(50, 50_000)),
                seconds,
                connections);
        Path fewFile = write(work, "cached", few);
        wrk(port, script, fewFile, 3, connections);
        Wrk cached = wrk(port, script, fewFile, seconds, connections);
        row(out, "API uncached (every query new)", docs, connections, uncached);
        row(out, "API cached (50 queries repeated)", docs, connections, cached);
      } finally {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
      }
      try (IndexStore store = IndexStore.open(data.resolve("index"), ramBufferMb)) {
        Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
        for (String q : distinct.subList(50_000, 52_000)) searcher.search(SearchRequest.of(q));
        Latencies floor = new Latencies();
        for (String q : distinct.subList(50, 5_050)) {
          long t = System.nanoTime();
          searcher.search(SearchRequest.of(q));
          floor.add(System.nanoTime() - t);
        }
        out.printf(
            Locale.ROOT,
            "| in-process Searcher, one thread (floor) | %d | - | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
            docs,
            1000 / floor.meanMs(),
            floor.percentileMs(50),
            floor.percentileMs(75),
            floor.percentileMs(90),
            floor.percentileMs(99));
      }
    } finally {
      if (keep.isEmpty()) FileTrees.delete(work);
    }
  }

  private static List<String> distinctQueries(SyntheticRecords records, int n) {
    LinkedHashSet<String> set = new LinkedHashSet<>(records.queries(n * 2));
    List<String> out = new ArrayList<>(set);
    if (out.size() < n) {
      // top up with numbered variants: still realistic text, never seen before
      for (int i = 0; out.size() < n; i++) out.add(out.get(i) + " " + (i % 97));
    }
    return out.subList(0, n);
  }

  private static Path write(Path work, String name, List<String> queries) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String q : queries)
      paths.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    Path file = work.resolve(name + ".paths");
    Files.write(file, paths);
    return file;
  }

  record Wrk(double rps, double p50, double p75, double p90, double p99) {}

  private static Wrk wrk(int port, Path script, Path paths, int seconds, int connections)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            "wrk",
            "-t2",
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "-s",
            script.toString(),
            "http://127.0.0.1:" + port,
            "--",
            "2");
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
    if (!rps.find()) throw new IOException("unexpected wrk output:\n" + output);
    double[] pct = new double[4];
    Matcher m = PCT.matcher(output);
    while (m.find()) {
      double v = Double.parseDouble(m.group(2));
      double ms =
          switch (m.group(3)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
          };
      switch (m.group(1)) {
        case "50" -> pct[0] = ms;
        case "75" -> pct[1] = ms;
        case "90" -> pct[2] = ms;
        default -> pct[3] = ms;
      }
    }
    if (output.contains("Non-2xx or 3xx responses"))
      throw new IOException("the server answered errors under load:\n" + output);
    return new Wrk(Double.parseDouble(rps.group(1)), pct[0], pct[1], pct[2], pct[3]);
  }

  private static void row(PrintStream out, String name, int docs, int connections, Wrk w) {
    out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        docs,
        connections,
        w.rps(),
        w.p50(),
        w.p75(),
        w.p90(),
        w.p99());
    out.flush();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void waitHealthy(int port, Process server, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
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
      Thread.sleep(200);
    }
    throw new IOException("the server did not become healthy in 120 s:\n" + Files.readString(log));
  }

  /**
   * Each wrk thread walks the path list with its own offset and a stride of the thread count, so no
   * two requests of a run repeat a query until the list wraps.
   */
  private static final String LUA =
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
}
