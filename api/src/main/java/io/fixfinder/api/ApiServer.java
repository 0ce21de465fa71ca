package io.fixfinder.api;

import io.fixfinder.api.feedback.FeedbackHandler;
import io.fixfinder.api.feedback.IndexedItems;
import io.fixfinder.api.issues.IssueHandler;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.products.ProductHandler;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.api.search.SearchCache;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.search.SuggestHandler;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.feedback.ItemExists;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.view.IssueView;
import io.fixfinder.indexer.view.ProductView;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API and the UI's static files. {@link #routes} is the one route table: read it as the
 * API's table of contents. Handlers are thin; errors are typed and mapped once by {@link
 * ProblemMapper}.
 */
public final class ApiServer implements AutoCloseable {
  /** Where the ui module puts its pages and assets on the classpath. */
  public static final String UI_CLASSPATH = "/fixfinder-ui";

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);
  private static final org.slf4j.Logger ACCESS =
      org.slf4j.LoggerFactory.getLogger("io.fixfinder.access");

  /**
   * Route label values: the route table's paths; anything else is "other" (bounded cardinality).
   */
  private static final List<java.util.Map.Entry<java.util.regex.Pattern, String>> KNOWN_PATHS =
      routeTable(null).stream()
          .map(
              r ->
                  java.util.Map.entry(
                      java.util.regex.Pattern.compile(
                          java.util.regex.Pattern.quote(r.path()).replace("{id}", "\\E[^/]+\\Q")),
                      r.path()))
          .toList();

  /** The route table path a request matched ({@code /api/issues/{id}}), else "other". */
  static String routeLabel(String path) {
    for (var known : KNOWN_PATHS) {
      if (known.getKey().matcher(path).matches()) return known.getValue();
    }
    return "other";
  }

  /**
   * What the API serves from; all opened and closed by the caller, after {@link #close()}.
   *
   * @param feedback the votes; also the {@link io.fixfinder.core.feedback.FeedbackSignals} ranking
   *     reads
   * @param issues whether an issue id names a cluster (until clusters exist: {@link
   *     ItemExists#anyWellFormed()})
   * @param crawl the last crawl's counters for /metrics
   */
  public record Backends(
      IndexStore index,
      SearchFunction search,
      IssueView issues,
      ProductView products,
      Database database,
      FeedbackStore feedback,
      ItemExists issueIds,
      CrawlStats crawl) {

    /**
     * Backends over an index and its issue clusters: search is the searcher's ranking re-ranked by
     * votes and grouped by issue; issue and product pages read the same clusters.
     *
     * @param issueIds whether an issue id names a cluster (feedback checks votes against it)
     */
    public static Backends of(
        IndexStore index,
        Searcher searcher,
        IssueSource issues,
        ItemExists issueIds,
        Database database,
        FeedbackStore feedback,
        CrawlStats crawl) {
      RecordLookup records = new RecordLookup(index.searchers());
      return new Backends(
          index,
          new GroupedSearch(searcher, issues, feedback, records)::search,
          new IssueView(records, issues, feedback),
          new ProductView(records, issues),
          database,
          feedback,
          issueIds,
          crawl);
    }

    /**
     * Backends without issue clusters (an index built without embeddings, tests): search is the
     * searcher's ranking re-ranked by votes, ungrouped; issue pages are all 404.
     */
    public static Backends withoutClusters(
        IndexStore index,
        Searcher searcher,
        Database database,
        FeedbackStore feedback,
        CrawlStats crawl) {
      return of(
          index,
          searcher,
          IssueSource.none(),
          ItemExists.anyWellFormed(),
          database,
          feedback,
          crawl);
    }
  }

  /** One search as the API runs it (grouped, re-ranked): {@code GroupedSearch::search}. */
  @FunctionalInterface
  public interface SearchFunction {
    SearchResponse search(SearchRequest request) throws java.io.IOException;
  }

  private final Javalin app;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ApiServer(Backends backends, FixFinderConfig.Server settings) {
    this(backends, settings, routes -> {});
  }

  /**
   * With {@code extraRoutes} added after the route table: tests use it for endpoints that must not
   * exist in production (a deliberately slow one for the shutdown test).
   */
  ApiServer(
      Backends backends, FixFinderConfig.Server settings, Consumer<RoutesConfig> extraRoutes) {
    IndexStore index = backends.index();
    ClientKey clients = new ClientKey(settings.trustedProxies());
    SearchCache search =
        new SearchCache(backends.search(), index.searchers(), 10_000, settings.searchConcurrency());
    Handlers handlers =
        new Handlers(
            new SearchHandler(search),
            new IssueHandler(backends.issues()),
            new ProductHandler(backends.products()),
            new SuggestHandler(index),
            new FeedbackHandler(
                backends.feedback(),
                new IndexedItems(index, backends.issueIds()),
                clients,
                search::invalidateAll),
            index,
            backends.database(),
            backends.crawl(),
            metrics);
    RateLimiter limiter =
        new RateLimiter(settings.rateLimitPerMinute(), settings.rateLimitBurst(), System::nanoTime);
    java.util.Set<String> corsOrigins = java.util.Set.copyOf(settings.corsOrigins());
    Gauge.builder("fixfinder.index.documents", index, IndexStore::count)
        .description("Documents in the live index")
        .register(metrics);
    Gauge.builder("fixfinder.index.bytes", index, IndexStore::sizeBytes)
        .description("Size of the live index on disk")
        .register(metrics);
    backends.crawl().bindTo(metrics);
    long graceMillis = settings.shutdownGraceSeconds() * 1000L;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = 64 * 1024;
              config.http.prefer405over404 = true;
              // Optional fields of response records (a hit's issue id) go out as a value or null.
              config.jsonMapper(
                  new JavalinJackson(
                      Json.mapper()
                          .copy()
                          .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module()),
                      false));
              // Graceful stop: connectors stop accepting, requests in flight get graceMillis to
              // finish (new requests on kept-alive connections get 503), then Jetty stops.
              config.jetty.modifyServer(
                  server -> {
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(graceMillis);
                  });
              if (ApiServer.class.getResource(UI_CLASSPATH + "/index.html") != null) {
                config.staticFiles.add(UI_CLASSPATH, Location.CLASSPATH);
              }
              // ETags are ours (etag below): Javalin's generator took a third of the CPU of a
              // search
              config.http.generateEtags = false;
              // Access log without personal data: no address, no query string, no headers.
              config.requestLogger.http(
                  (ctx, ms) -> {
                    Timer.builder("fixfinder.http.requests")
                        .description("API requests by route, method and status")
                        .tag("method", ctx.method().name())
                        .tag("route", routeLabel(ctx.path()))
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .publishPercentileHistogram()
                        .register(metrics)
                        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
                    ACCESS.info(
                        "{} {} {} {} ms",
                        ctx.method(),
                        ctx.path(),
                        ctx.statusCode(),
                        String.format(java.util.Locale.ROOT, "%.1f", ms));
                  });
              ProblemMapper.install(config.routes);
              config.routes.before("/api/*", ctx -> limit(ctx, clients, limiter));
              config.routes.before(ctx -> cors(ctx, corsOrigins));
              config.routes.after(ApiServer::securityHeaders);
              config.routes.after(ApiServer::etag);
              routes(config.routes, handlers);
              extraRoutes.accept(config.routes);
            });
  }

  /** The handlers and state the route table points at. */
  record Handlers(
      SearchHandler search,
      IssueHandler issues,
      ProductHandler products,
      SuggestHandler suggest,
      FeedbackHandler feedback,
      IndexStore index,
      Database database,
      CrawlStats crawl,
      PrometheusMeterRegistry metrics) {}

  /** One endpoint: method, path, handler. */
  public record Route(String method, String path, io.javalin.http.Handler handler) {}

  /** The route table: every endpoint of the API, in one place (and in openapi.yaml, by test). */
  static List<Route> routeTable(Handlers h) {
    return List.of(
        new Route("get", "/api/search", ctx -> h.search().search(ctx)),
        new Route("get", "/api/issues/{id}", ctx -> h.issues().issue(ctx)),
        new Route("get", "/api/products/{id}", ctx -> h.products().product(ctx)),
        new Route("get", "/api/suggest", ctx -> h.suggest().suggest(ctx)),
        new Route("post", "/api/feedback", ctx -> h.feedback().post(ctx)),
        new Route("get", "/health", ctx -> health(ctx, h.index(), h.database())),
        new Route("get", "/openapi.yaml", ApiServer::openApi),
        new Route("get", "/docs", ApiServer::docs),
        new Route("get", "/metrics", ctx -> metrics(ctx, h.crawl(), h.metrics())));
  }

  private static void routes(RoutesConfig routes, Handlers handlers) {
    for (Route route : routeTable(handlers)) {
      switch (route.method()) {
        case "get" -> routes.get(route.path(), route.handler());
        case "post" -> routes.post(route.path(), route.handler());
        default -> throw new IllegalStateException("unsupported method " + route.method());
      }
    }
  }

  /** The paths and methods of the route table, for the OpenAPI coverage test. */
  public static List<String> documentedRoutes() {
    return routeTable(null).stream().map(r -> r.method() + " " + r.path()).toList();
  }

  private static void openApi(Context ctx) throws java.io.IOException {
    try (var in = ApiServer.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) throw new IllegalStateException("openapi.yaml is missing from the classpath");
      ctx.contentType("application/yaml; charset=utf-8").result(in.readAllBytes());
    }
  }

  /** The human-readable API page: static HTML from the classpath, no script, nothing echoed. */
  private static void docs(Context ctx) throws java.io.IOException {
    try (var in = ApiServer.class.getResourceAsStream("/fixfinder-docs/api.html")) {
      if (in == null) throw new IllegalStateException("api.html is missing from the classpath");
      ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
    }
  }

  private static void metrics(Context ctx, CrawlStats crawl, PrometheusMeterRegistry metrics) {
    crawl.refresh();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** 200 with "ok" when the index and the database answer; 503 with "degraded" otherwise. */
  private static void health(Context ctx, IndexStore index, Database database) {
    Map<String, Object> indexState = new LinkedHashMap<>();
    boolean indexOk;
    try {
      indexState.put("documents", index.count());
      indexState.put("bytes", index.sizeBytes());
      indexOk = true;
    } catch (RuntimeException e) {
      indexOk = false;
    }
    indexState.put("ok", indexOk);
    Database.Health db = database.health();
    Map<String, Object> dbState = new LinkedHashMap<>();
    dbState.put("ok", db.ok());
    dbState.put("kind", db.kind().id());
    boolean ok = indexOk && db.ok();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.put("index", indexState);
    body.put("database", dbState);
    ctx.header("Cache-Control", "no-store");
    ProblemMapper.keepBody(ctx);
    ctx.status(ok ? 200 : 503).json(body);
  }

  private static void limit(Context ctx, ClientKey clients, RateLimiter limiter) {
    RateLimiter.Decision decision = limiter.acquire(clients.of(ctx));
    if (!decision.allowed()) throw ApiException.rateLimited(decision.retryAfterSeconds());
  }

  /** CORS only for configured origins; a preflight from one gets the allowed methods. */
  private static void cors(Context ctx, java.util.Set<String> origins) {
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin)) return;
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    if ("OPTIONS".equals(ctx.method().name())) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Api-Key");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * A strong ETag on every successful GET: CRC-32C and length of the body (a change detector, as
   * ETags need; the CPU intrinsic makes it nearly free). A matching If-None-Match gets 304 and no
   * body.
   */
  static void etag(Context ctx) throws java.io.IOException {
    if (!"GET".equals(ctx.method().name()) || ctx.statusCode() != 200) return;
    java.io.InputStream in = ctx.resultInputStream();
    if (in == null) return;
    byte[] body = in.readAllBytes();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    String tag =
        "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    ctx.header("ETag", tag);
    if (tag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      ctx.result(new byte[0]);
    } else {
      ctx.result(body);
    }
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CSP);
  }

  /** Starts listening; a port in use fails with a {@link PortInUseException}. */
  public ApiServer start(String host, int port) {
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null) {
        if (cause instanceof java.net.BindException) {
          throw new PortInUseException(host, port, cause);
        }
        cause = cause.getCause();
      }
      throw e;
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  /**
   * Stops accepting connections at once, lets requests in flight finish (up to {@code
   * server.shutdownGraceSeconds}), then stops. The backends stay open: close them after this.
   */
  @Override
  public void close() {
    try {
      app.stop();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof java.util.concurrent.TimeoutException)) {
        cause = cause.getCause();
      }
      if (cause == null) throw e;
      // Jetty has stopped all the same; what was still running was cut off.
      LOG.warn("requests still in flight after the shutdown grace period were cut off");
    }
  }

  /** The port is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port, Throwable cause) {
      super("port " + port + " on " + host + " is already in use", cause);
    }
  }
}
