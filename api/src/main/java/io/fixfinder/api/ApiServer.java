package io.fixfinder.api;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.api.search.SearchCache;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.search.SuggestHandler;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.javalin.Javalin;
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

  private static final org.slf4j.Logger ACCESS =
      org.slf4j.LoggerFactory.getLogger("io.fixfinder.access");

  /**
   * Route label values: the route table's paths; anything else is "other" (bounded cardinality).
   */
  private static final java.util.Set<String> KNOWN_PATHS =
      routeTable(null, null, null, null).stream()
          .map(Route::path)
          .collect(java.util.stream.Collectors.toSet());

  private final Javalin app;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ApiServer(IndexStore index, Searcher searcher, FixFinderConfig.Server settings) {
    SearchHandler search = new SearchHandler(new SearchCache(searcher, index.searchers(), 10_000));
    ClientKey clients = new ClientKey(settings.trustedProxies());
    RateLimiter limiter =
        new RateLimiter(settings.rateLimitPerMinute(), settings.rateLimitBurst(), System::nanoTime);
    java.util.Set<String> corsOrigins = java.util.Set.copyOf(settings.corsOrigins());
    SuggestHandler suggest = new SuggestHandler(index);
    Gauge.builder("fixfinder.index.documents", index, IndexStore::count)
        .description("Documents in the live index")
        .register(metrics);
    Gauge.builder("fixfinder.index.bytes", index, IndexStore::sizeBytes)
        .description("Size of the live index on disk")
        .register(metrics);
    PrometheusMeterRegistry registry = metrics;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = 64 * 1024;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              if (ApiServer.class.getResource(UI_CLASSPATH + "/index.html") != null) {
                config.staticFiles.add(UI_CLASSPATH, Location.CLASSPATH);
              }
              config.http.generateEtags = true;
              // Access log without personal data: no address, no query string, no headers.
              config.requestLogger.http(
                  (ctx, ms) -> {
                    Timer.builder("fixfinder.http.requests")
                        .description("API requests by route, method and status")
                        .tag("method", ctx.method().name())
                        .tag("route", KNOWN_PATHS.contains(ctx.path()) ? ctx.path() : "other")
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
              routes(config.routes, search, suggest, index, registry);
            });
  }

  /** One endpoint: method, path, handler. */
  public record Route(String method, String path, io.javalin.http.Handler handler) {}

  /** The route table: every endpoint of the API, in one place (and in openapi.yaml, by test). */
  static List<Route> routeTable(
      SearchHandler search,
      SuggestHandler suggest,
      IndexStore index,
      PrometheusMeterRegistry metrics) {
    return List.of(
        new Route("get", "/api/search", ctx -> search.search(ctx)),
        new Route("get", "/api/suggest", ctx -> suggest.suggest(ctx)),
        new Route("get", "/health", ctx -> health(ctx, index)),
        new Route("get", "/openapi.yaml", ApiServer::openApi),
        new Route(
            "get",
            "/metrics",
            ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape())));
  }

  private static void routes(
      io.javalin.config.RoutesConfig routes,
      SearchHandler search,
      SuggestHandler suggest,
      IndexStore index,
      PrometheusMeterRegistry metrics) {
    for (Route route : routeTable(search, suggest, index, metrics)) {
      switch (route.method()) {
        case "get" -> routes.get(route.path(), route.handler());
        case "post" -> routes.post(route.path(), route.handler());
        default -> throw new IllegalStateException("unsupported method " + route.method());
      }
    }
  }

  /** The paths and methods of the route table, for the OpenAPI coverage test. */
  public static List<String> documentedRoutes() {
    return routeTable(null, null, null, null).stream()
        .map(r -> r.method() + " " + r.path())
        .toList();
  }

  private static void openApi(Context ctx) throws java.io.IOException {
    try (var in = ApiServer.class.getResourceAsStream("/openapi.yaml")) {
      if (in == null) throw new IllegalStateException("openapi.yaml is missing from the classpath");
      ctx.contentType("application/yaml; charset=utf-8").result(in.readAllBytes());
    }
  }

  private static void health(Context ctx, IndexStore index) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("documents", index.count());
    body.put("indexBytes", index.sizeBytes());
    ctx.json(body);
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

  @Override
  public void close() {
    app.stop();
  }

  /** The port is taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port, Throwable cause) {
      super("port " + port + " on " + host + " is already in use", cause);
    }
  }
}
