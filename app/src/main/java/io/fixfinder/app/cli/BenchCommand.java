package io.fixfinder.app.cli;

import io.fixfinder.app.pipeline.DemoSources;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.crawler4j.Crawler4jEngine;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks whose figures go in docs/benchmarks.md.",
    subcommands = {
      BenchCommand.Crawl.class,
      BenchCommand.Index.class,
      BenchCommand.Search.class,
      BenchCommand.Api.class,
      BenchCommand.Backends.class,
      io.fixfinder.app.bench.HelpersBench.class,
      io.fixfinder.app.bench.FrontierBench.class
    })
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(
        "Usage: fixfinder bench crawl|index|search|api|backends|helpers|frontier [options] (see"
            + " --help)");
  }

  private static void machine() {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %d MB max heap, %s %s, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }

  @Command(
      name = "index",
      mixinStandardHelpOptions = true,
      description = {
        "Indexing rate on synthetic records: FixFinder's indexer against a plain Lucene",
        "IndexWriter with StandardAnalyzer on the same records, without and with embeddings."
      })
  public static final class Index implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--docs", defaultValue = "200000", description = "Records (default: 200000).")
    int docs;

    @Option(
        names = "--embed-docs",
        defaultValue = "5000",
        description = "Records for the run with embeddings; 0 skips it (default: 5000).")
    int embedDocs;

    @Option(names = "--rounds", defaultValue = "2", description = "Best of N (default: 2).")
    int rounds;

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      machine();
      io.fixfinder.app.bench.IndexBench.run(
          docs, embedDocs, rounds, cfg.index().ramBufferMb(), System.out, System.err);
      return 0;
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Query latency (p50/p90/p99) of BM25 search on synthetic indexes of each size, one query",
        "at a time, beside plain Lucene's top ten on the same records."
      })
  public static final class Search implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
        names = "--docs",
        split = ",",
        defaultValue = "100000,1000000",
        description = "Index sizes (default: 100000,1000000).")
    List<Integer> docs;

    @Option(names = "--queries", defaultValue = "2000", description = "Queries (default: 2000).")
    int queries;

    @Option(
        names = "--opensearch",
        paramLabel = "URL",
        description =
            "Also index the records into this OpenSearch node (plugin and k-NN installed) and"
                + " search them there through FixFinder's ranking.")
    String opensearch;

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      machine();
      java.util.Optional<io.fixfinder.opensearch.backend.OpenSearchSettings> cluster =
          java.util.Optional.empty();
      if (opensearch != null) {
        try {
          cluster =
              java.util.Optional.of(
                  io.fixfinder.opensearch.backend.OpenSearchSettings.of(
                      java.util.List.of(java.net.URI.create(opensearch)), System.getenv()));
        } catch (IllegalArgumentException e) {
          throw new io.fixfinder.app.Main.UsageError("--opensearch: " + e.getMessage());
        }
      }
      try {
        io.fixfinder.app.bench.SearchBench.run(
            docs, queries, cfg.index().ramBufferMb(), cluster, System.out, System.err);
      } catch (io.fixfinder.opensearch.backend.OpenSearchBackend.Unreachable e) {
        throw new io.fixfinder.app.Main.UsageError(e.getMessage());
      }
      return 0;
    }
  }

  @Command(
      name = "api",
      mixinStandardHelpOptions = true,
      description = {
        "wrk on loopback against /api/search of a real `serve` process over a synthetic index with",
        "synthetic record vectors and real issue clusters: the default configuration (hybrid,",
        "learned fusion) beside the bm25 baseline, every query new and embedded for real; closed",
        "loop at each connection count, open loop at fixed rates, the query embedding alone and",
        "the in-process floor, all in one run."
      })
  public static final class Api implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--docs", defaultValue = "1000000", description = "Records (default: 1000000).")
    int docs;

    @Option(names = "--seconds", defaultValue = "30", description = "Per run (default: 30).")
    int seconds;

    @Option(
        names = "--connections",
        split = ",",
        defaultValue = "2,8,16",
        description = "wrk connection counts (default: 2,8,16).")
    List<Integer> connections;

    @Option(
        names = "--retrieval",
        split = ",",
        defaultValue = "hybrid,bm25",
        description =
            "Server configurations, the default first, then baselines (default: hybrid,bm25).")
    List<String> retrievals;

    @Option(
        names = "--rates",
        split = ",",
        description =
            "Open-loop arrival rates per second for the first configuration (default: 40%%, 60%%"
                + " and 80%% of its closed-loop throughput at the most connections).")
    List<Double> rates = List.of();

    @Option(names = "--no-open-loop", description = "Skip the open-loop runs.")
    boolean noOpenLoop;

    @Option(
        names = {"--index-dir", "--keep"},
        paramLabel = "DIR",
        description =
            "Keep the work folder (index, clusters, query lists, server logs) in DIR and reuse its"
                + " index when it was built for the same records.")
    java.nio.file.Path keep;

    @Option(
        names = "--reuse",
        description = "Fail instead of building when --index-dir holds no matching index.")
    boolean reuse;

    @Option(
        names = "--build-only",
        description = "Build (or check) the index in --index-dir and stop before the load runs.")
    boolean buildOnly;

    @Option(
        names = "--build-threads",
        description = "Threads adding records while building (default: one per core).")
    int buildThreads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      java.nio.file.Path jar =
          java.nio.file.Path.of(
              io.fixfinder.app.Main.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      if (!jar.toString().endsWith(".jar")) {
        throw new io.fixfinder.app.Main.UsageError(
            "bench api starts `fixfinder serve` from the shaded jar: run it through ./fixfinder");
      }
      if (reuse && keep == null) {
        throw new io.fixfinder.app.Main.UsageError("--reuse needs --index-dir DIR");
      }
      for (String r : retrievals) FixFinderConfig.Retrieval.of(r);
      machine();
      io.fixfinder.app.bench.ApiBench.run(
          new io.fixfinder.app.bench.ApiBench.Options(
              docs,
              seconds,
              connections,
              retrievals,
              rates,
              !noOpenLoop,
              java.util.Optional.ofNullable(keep),
              reuse,
              buildOnly,
              buildThreads,
              cfg.index().ramBufferMb(),
              jar),
          System.out,
          System.err);
      return 0;
    }
  }

  @Command(
      name = "backends",
      mixinStandardHelpOptions = true,
      description = {
        "Issue 17's acceptance: the embedded index against OpenSearch on one node and on three",
        "nodes in one JVM (started here), on the same synthetic records with synthetic vectors,",
        "one backend at a time: indexing records/s through the product's write path, the API's",
        "grouped search in process (p50/p99), and a real `serve` (searchCacheMb 0) under wrk,",
        "every query new."
      })
  public static final class Backends implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--docs", defaultValue = "100000", description = "Records (default: 100000).")
    int docs;

    @Option(
        names = "--backend",
        split = ",",
        defaultValue = "embedded,opensearch-1,opensearch-3",
        description =
            "Backends, measured in this order (default: embedded,opensearch-1,opensearch-3).")
    List<String> backends;

    @Option(
        names = "--queries",
        defaultValue = "1000",
        description = "In-process searches per backend (default: 1000).")
    int queries;

    @Option(
        names = "--seconds",
        defaultValue = "30",
        description = "Per wrk run, and the server's warm-up (default: 30).")
    int seconds;

    @Option(
        names = "--connections",
        split = ",",
        defaultValue = "1,8",
        description = "wrk connection counts (default: 1,8).")
    List<Integer> connections;

    @Option(
        names = "--node-heap-mb",
        defaultValue = "2048",
        description = "OpenSearch heap per node (default: 2048; three nodes: three times that).")
    int nodeHeapMb;

    @Option(
        names = "--replicas",
        defaultValue = "1",
        description = "Replicas per shard on three nodes (default: 1).")
    int replicas;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        description = "Keep the work folder (logs, query lists, indexes) in DIR.")
    java.nio.file.Path work;

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      java.nio.file.Path jar =
          java.nio.file.Path.of(
              io.fixfinder.app.Main.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      if (!jar.toString().endsWith(".jar")) {
        throw new io.fixfinder.app.Main.UsageError(
            "bench backends starts `fixfinder serve` from the shaded jar: run it through"
                + " ./fixfinder");
      }
      List<io.fixfinder.app.bench.BackendBench.Backend> chosen = new ArrayList<>();
      try {
        for (String b : backends) chosen.add(io.fixfinder.app.bench.BackendBench.Backend.of(b));
      } catch (IllegalArgumentException e) {
        throw new io.fixfinder.app.Main.UsageError("--backend: " + e.getMessage());
      }
      if (docs < 1 || queries < 1 || seconds < 1 || connections.stream().anyMatch(c -> c < 1)) {
        throw new io.fixfinder.app.Main.UsageError(
            "--docs, --queries, --seconds and --connections must be at least 1");
      }
      java.nio.file.Path home =
          java.nio.file.Path.of(System.getProperty("fixfinder.home", ".")).toAbsolutePath();
      java.nio.file.Path target = home.resolve("opensearch-node/target");
      if (chosen.stream().anyMatch(b -> b.nodes > 0)
          && !(Files.isDirectory(target.resolve("classes"))
              && Files.isDirectory(target.resolve("lib")))) {
        throw new io.fixfinder.app.Main.UsageError(
            "bench backends needs the OpenSearch node built: ./mvnw -B -pl opensearch-node -am"
                + " package -DskipTests (in "
                + home
                + ")");
      }
      machine();
      System.out.println("load average at start: " + io.fixfinder.app.bench.BackendBench.load());
      io.fixfinder.app.bench.BackendBench.run(
          new io.fixfinder.app.bench.BackendBench.Options(
              docs,
              chosen,
              queries,
              seconds,
              connections,
              nodeHeapMb,
              replicas,
              cfg.index().ramBufferMb(),
              jar,
              target,
              java.util.Optional.ofNullable(work)),
          System.out,
          System.err);
      System.out.println("load average at end: " + io.fixfinder.app.bench.BackendBench.load());
      return 0;
    }
  }

  @Command(
      name = "crawl",
      mixinStandardHelpOptions = true,
      description = {
        "Crawl rate against the demo sites on loopback with politeness off, per number of crawler",
        "threads per host; splits each page's time into parse (jsoup), extract+key+store, and fetch",
        "(the rest: network, crawler4j's frontier, waiting)."
      })
  public static final class Crawl implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
        names = "--threads",
        split = ",",
        defaultValue = "1,2,4",
        description = "Thread counts per host (default: 1,2,4).")
    List<Integer> threads;

    @Option(
        names = "--rounds",
        defaultValue = "2",
        description = "Runs per thread count; the best is reported (default: 2).")
    int rounds;

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      Path work = Files.createTempDirectory("fixfinder-bench");
      DemoManifest manifest = DemoCorpus.writeTo(work.resolve("corpus"));
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, %s %s, Java %s%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"),
          System.getProperty("os.arch"),
          System.getProperty("java.version"));
      System.out.printf(
          Locale.ROOT,
          "corpus: %d documents on %d sites%n",
          manifest.documentCount(),
          manifest.sites().size());
      System.out.println(
          "| threads/host | hosts | pages | seconds | pages/s | parse ms/page | extract ms/page | fetch & wait ms/page |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      try (DemoSites sites = DemoSites.start(manifest)) {
        for (int t : threads) {
          Result best = null;
          for (int round = 0; round < rounds; round++) {
            Result r = run(cfg, manifest, sites, t, work.resolve("run-" + t + "-" + round));
            if (best == null || r.pagesPerSecond() > best.pagesPerSecond()) best = r;
          }
          System.out.printf(
              Locale.ROOT,
              "| %d | %d | %d | %.2f | %.0f | %.2f | %.2f | %.2f |%n",
              t,
              manifest.sites().size(),
              best.pages(),
              best.seconds(),
              best.pagesPerSecond(),
              best.parseMs(),
              best.extractMs(),
              best.fetchMs());
        }
        baseline(sites);
      }
      return 0;
    }

    /**
     * The ceiling in the same run: the pages the crawler fetched, fetched again with the JDK HTTP
     * client on 4 threads, politeness off, nothing parsed, robots and frontier skipped.
     */
    private static void baseline(DemoSites sites) throws Exception {
      List<java.net.URI> urls =
          sites.accessLog().stream()
              .filter(e -> e.status() == 200 && e.method().equals("GET"))
              .map(e -> sites.origin(e.site()).resolve(e.path()))
              .distinct()
              .toList();
      java.net.http.HttpClient client =
          java.net.http.HttpClient.newBuilder()
              .version(java.net.http.HttpClient.Version.HTTP_1_1)
              .build();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(4);
      long start = System.nanoTime();
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (java.net.URI url : urls) {
        done.add(
            pool.submit(
                () ->
                    client.send(
                        java.net.http.HttpRequest.newBuilder(url).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())));
      }
      for (java.util.concurrent.Future<?> f : done) f.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      System.out.printf(
          Locale.ROOT,
          "| baseline: JDK HttpClient, 4 threads, fetch only | 5 | %d | %.2f | %.0f | - | - | - |%n",
          urls.size(),
          seconds,
          urls.size() / seconds);
    }

    record Result(long pages, double seconds, double parseMs, double extractMs, double fetchMs) {
      double pagesPerSecond() {
        return seconds == 0 ? 0 : pages / seconds;
      }
    }

    private static Result run(
        FixFinderConfig cfg, DemoManifest manifest, DemoSites sites, int threads, Path dir)
        throws Exception {
      FixFinderConfig.Crawl c = cfg.crawl();
      FixFinderConfig.Crawl crawl =
          new FixFinderConfig.Crawl(
              c.userAgent(),
              threads,
              0,
              0,
              c.maxPages(),
              c.maxDepth(),
              c.connectTimeoutMs(),
              c.socketTimeoutMs(),
              c.maxContentBytes(),
              c.maxRedirects(),
              c.maxFetchSeconds());
      List<SiteConfig> configs = DemoSources.of(manifest, sites);
      CrawlCounters counters = new CrawlCounters();
      try (RecordLog log = RecordLog.openForAppend(dir.resolve("records.jsonl"))) {
        new Crawler4jEngine(crawl, dir.resolve("state"), AddressPolicy.system())
            .crawl(configs, new PageProcessor(new Keying(KeyExtractor.builtIn()), log), counters);
      }
      long pages = counters.get(CrawlCounters.Outcome.FETCHED);
      double seconds = counters.pageSpanSeconds();
      double parse = counters.nanos("parse") / 1e6 / Math.max(1, pages);
      double extract = counters.nanos("extract") / 1e6 / Math.max(1, pages);
      double busyMsPerPage =
          seconds * 1000 * threads * manifest.sites().size() / Math.max(1, pages);
      return new Result(
          pages, seconds, parse, extract, Math.max(0, busyMsPerPage - parse - extract));
    }
  }
}
