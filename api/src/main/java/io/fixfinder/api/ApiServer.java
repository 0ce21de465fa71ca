package io.fixfinder.api;

import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.search.SuggestHandler;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;

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

  private final Javalin app;

  public ApiServer(IndexStore index, Searcher searcher) {
    SearchHandler search = new SearchHandler(searcher);
    SuggestHandler suggest = new SuggestHandler(index);
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
              ProblemMapper.install(config.routes);
              config.routes.after(ApiServer::securityHeaders);
              routes(config.routes, search, suggest, index);
            });
  }

  /** The route table: every endpoint of the API, in one place. */
  private static void routes(
      io.javalin.config.RoutesConfig routes,
      SearchHandler search,
      SuggestHandler suggest,
      IndexStore index) {
    routes.get("/api/search", search::search);
    routes.get("/api/suggest", suggest::suggest);
    routes.get("/health", ctx -> health(ctx, index));
  }

  private static void health(Context ctx, IndexStore index) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("documents", index.count());
    body.put("indexBytes", index.sizeBytes());
    ctx.json(body);
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
