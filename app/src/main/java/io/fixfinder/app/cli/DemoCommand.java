package io.fixfinder.app.cli;

import io.fixfinder.app.pipeline.CrawlPipeline;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.pipeline.DemoAnalytics;
import io.fixfinder.app.pipeline.DemoCompany;
import io.fixfinder.app.pipeline.DemoHelperSeeding;
import io.fixfinder.app.pipeline.DemoSources;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.crawler.source.SiteConfig;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.DemoSites;
import io.fixfinder.demo.FakeYouTubeApi;
import io.fixfinder.demo.company.CompanyHelpSite;
import io.fixfinder.store.Database;
import io.fixfinder.store.analytics.AnalyticsStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Crawl, index and serve the built-in demo corpus on 127.0.0.1.",
      "Publishes the demo sites and a local YouTube Data API, crawls them with crawler4j and the YouTube",
      "client, indexes into Lucene under the data directory, and serves the API and search page. A second",
      "run reuses the index unless --rebuild is given."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The fake API checks that a key is sent, as the real one does; this one unlocks nothing. */
  static final String DEMO_KEY = "demo-key-not-secret";

  /** The company help page's name in demo-ports.json. */
  static final String COMPANY_SITE = "company-help";

  /** Under the data directory. */
  static final String DEMO_ACCESS_LOG = "logs/access.log";

  @Mixin CommonOptions common;
  @Mixin ServerOptions server;

  @Option(names = "--rebuild", description = "Crawl and index again even if an index exists.")
  boolean rebuild;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "lucene (default: the embedded index) or opensearch: also start an OpenSearch node"
              + " (NodeMain, from opensearch-node/target: build it first) on 127.0.0.1 from port"
              + " 19200, write the records to it and serve from it.")
  String backend;

  @Override
  public Integer call() throws Exception {
    if (backend != null) FixFinderConfig.Backend.of(backend); // an unknown name: one line, first
    FixFinderConfig cfg = server.apply(common.load());
    if (!server.accessLogGiven()
        && cfg.server().accessLog().equals(FixFinderConfig.Server.ACCESS_LOG_CONSOLE)) {
      // The demo's console is for progress and the summary, not a line per request.
      cfg = cfg.withServer(cfg.server().withAccessLog(DEMO_ACCESS_LOG));
    }
    cfg = ServerOptions.resolveAccessLog(cfg);
    ServerOptions.checkFree(cfg);
    PrintStream out = System.out;
    DataLayout data = CommonOptions.layout(cfg);
    long start = System.nanoTime();
    DemoManifest manifest = DemoCorpus.writeTo(data.demoCorpus());
    DemoSites sites =
        DemoSites.start(manifest, DemoPorts.read(data.demoPorts()), DemoSites.Ports.PREFERRED);
    CompanyHelpSite company =
        CompanyHelpSite.bind(DemoPorts.read(data.demoPorts()).getOrDefault(COMPANY_SITE, 0));
    Map<String, URI> origins = new LinkedHashMap<>(sites.origins());
    origins.put(COMPANY_SITE, company.origin());
    DemoPorts.write(data.demoPorts(), origins);
    FakeYouTubeApi youtube = FakeYouTubeApi.start(manifest.youtubeVideos());
    List<AutoCloseable> servers = List.of(sites, youtube, company);
    try {
      out.printf(
          "demo: %d documents on %d sites: %s%n",
          manifest.documentCount(), manifest.sites().size(), sites.origins());
      IndexPipeline index = new IndexPipeline(cfg, data, out);
      if (!sites.replacedPorts().isEmpty()) {
        // The index's URLs carry the old ports: reusing it would serve dead links.
        out.println(
            "demo: ports "
                + sites.replacedPorts()
                + " were taken, so the sites moved; crawling again for links that work");
      }
      if (rebuild || !index.reusable() || !sites.replacedPorts().isEmpty()) {
        reset(data);
        List<SiteConfig> configs = DemoSources.of(manifest, sites);
        new CrawlPipeline(cfg, data, out)
            .run(
                configs,
                Optional.of(new CrawlPipeline.YouTubeRun(youtube.rootUrl().toString(), DEMO_KEY)));
        IndexCommand.rebuild(index);
      } else {
        out.println(
            "demo: reusing the index in " + data.index() + " (use --rebuild to crawl again)");
      }
      seedHelpers(cfg, out, index);
      showCompany(cfg, out, company, data, index);
      if (backend != null
          && FixFinderConfig.Backend.of(backend) == FixFinderConfig.Backend.OPENSEARCH) {
        DemoNode node = DemoNode.start(out);
        servers = new java.util.ArrayList<>(servers);
        servers.add(node);
        cfg =
            cfg.withIndex(
                new FixFinderConfig.Index(
                    cfg.index().ramBufferMb(),
                    cfg.index().retrieval(),
                    cfg.index().fusion(),
                    cfg.index().embeddings(),
                    cfg.index().embedThreads(),
                    FixFinderConfig.Backend.OPENSEARCH,
                    // the demo's own node, in the layout the site file asks for (one shard)
                    cfg.index().opensearch().withUrls(List.of(node.url()))));
        new IndexPipeline(cfg, data, out).rebuildOnOpenSearch(System.getenv());
      }
      out.printf("demo: ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
      String accessLog = cfg.server().accessLog();
      if (!accessLog.equals(FixFinderConfig.Server.ACCESS_LOG_CONSOLE)
          && !accessLog.equals(FixFinderConfig.Server.ACCESS_LOG_OFF)) {
        out.println("demo: access log in " + accessLog + " (--access-log console shows it here)");
      }
      Serving.serveUntilStopped(cfg, out, servers);
    } catch (Exception | Error e) {
      for (AutoCloseable s : servers) s.close();
      throw e;
    }
    return 0;
  }

  /** The demo's fictional helpers, verified and listed; nothing added on a rerun. */
  static void seedHelpers(FixFinderConfig cfg, PrintStream out, IndexPipeline index) {
    try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
      DemoHelperSeeding.Outcome o =
          DemoHelperSeeding.seed(
              db, cfg.data().dir(), java.time.Clock.systemUTC(), index::clusters);
      out.printf(
          "demo: %d fictional helpers added, %d already there%s%n",
          o.added(), o.existing(), o.refused().isEmpty() ? "" : ", refused: " + o.refused());
    }
  }

  /**
   * The fictional company's help page, embedding the search box with its tenant's publishable key
   * (the tenant is made or reused by {@link DemoCompany}), on an origin of its own.
   */
  static void showCompany(
      FixFinderConfig cfg,
      PrintStream out,
      CompanyHelpSite company,
      DataLayout data,
      IndexPipeline index)
      throws IOException {
    int port = cfg.server().port();
    if (port == 0) {
      out.println("demo: the company help page needs a fixed --port; not shown");
      return;
    }
    String host = cfg.server().host().equals("0.0.0.0") ? "127.0.0.1" : cfg.server().host();
    DemoCompany.Keys keys;
    try (Database db = Database.open(cfg.database(), cfg.data().dir())) {
      keys = DemoCompany.ensure(cfg, db, data.demoCompany(), company.origin());
      // a year of its customers' searches, so its dashboard has something to show (once: the
      // clusters cost the embedding model's load, so only when the year is not there yet)
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      boolean seeded =
          !new AnalyticsStore(db).days(keys.tenantId(), today.minusDays(364), today).isEmpty();
      List<IssueCluster> own =
          seeded
              ? List.of()
              : index.clusters().stream()
                  .filter(c -> c.scope().brand().equals(DemoCompany.BRAND))
                  .sorted(Comparator.comparingInt(IssueCluster::size).reversed())
                  .limit(40)
                  .toList();
      if (!own.isEmpty()) {
        List<String> queries = new ArrayList<>();
        for (IssueCluster c : own) {
          queries.add(c.label().toLowerCase(Locale.ROOT));
          c.errorCodes().forEach(code -> queries.add("aqualine " + code.toLowerCase(Locale.ROOT)));
        }
        DemoAnalytics.seed(
            db,
            keys.tenantId(),
            own.stream().map(IssueCluster::id).toList(),
            queries.stream().distinct().toList(),
            today,
            365,
            cfg.dashboard().minQueryCount(),
            16L);
      }
    }
    company.serve(
        URI.create("http://" + host + ":" + port),
        Optional.of(keys.publishableKey()),
        unreachableOrigin());
    out.println(
        "demo: a company's help page with the FixFinder search box: "
            + company.origin()
            + "/; its dashboard: http://"
            + host
            + ":"
            + port
            + "/dashboard (sign in with the secret key in "
            + data.demoCompany()
            + ")");
  }

  /** An origin where nothing listens, for the help page's "API down" variant. */
  private static URI unreachableOrigin() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  /** A rebuild starts from nothing: old records and crawl state would only duplicate work. */
  private static void reset(DataLayout data) throws IOException {
    Files.deleteIfExists(data.records());
    FileTrees.delete(data.crawlState());
  }
}
