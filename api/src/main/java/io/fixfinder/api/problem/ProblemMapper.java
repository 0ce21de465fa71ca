package io.fixfinder.api.problem;

import io.fixfinder.api.http.CapabilityPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: every 4xx and 5xx is an RFC 9457 problem with a stable
 * type. Unexpected exceptions are logged here with their stack trace and answered with a generic
 * 500 problem: no trace, class name or message reaches the wire.
 */
public final class ProblemMapper {
  private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
  public static final String CONTENT_TYPE = "application/problem+json";

  /** Set once a problem body is written, so the status-code error handlers leave it alone. */
  private static final String WRITTEN = "fixfinder.problem";

  private ProblemMapper() {}

  public static void install(RoutesConfig routes) {
    routes.exception(
        ApiException.class,
        (e, ctx) -> {
          e.headers().forEach(ctx::header);
          write(ctx, e.status(), e.slug(), e.title(), e.getMessage());
        });
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(
                ctx,
                e.getStatus(),
                slugFor(e.getStatus()),
                titleFor(e.getStatus()),
                e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          ApiException fromClient = clientFault(e);
          if (fromClient != null) {
            write(
                ctx,
                fromClient.status(),
                fromClient.slug(),
                fromClient.title(),
                fromClient.getMessage());
            return;
          }
          log.error(
              "unhandled error on {} {}", ctx.method(), CapabilityPaths.redact(ctx.path()), e);
          write(
              ctx, 500, "internal", "Internal error", "The server could not complete the request.");
        });
    // Every error status, so a status set by Javalin itself (or by a plugin) is a problem too.
    for (int status = 400; status < 600; status++) {
      int code = status;
      routes.error(
          status,
          ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
              write(ctx, code, slugFor(code), titleFor(code), titleFor(code));
            }
          });
    }
  }

  /**
   * The problem for a failure the client caused below the handlers: a body that ended before its
   * declared length (the connection closed mid-body) or a request Jetty found malformed while a
   * handler read it. Null for anything else: that is ours, a 500. (A bad %-escape in the path is
   * refused before the handlers, by {@link io.fixfinder.api.http.PercentEscapes}.)
   */
  static ApiException clientFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.eclipse.jetty.io.EofException) return incompleteBody();
      if (t instanceof org.eclipse.jetty.http.HttpException http
          && http.getCode() >= 400
          && http.getCode() < 500) {
        return new ApiException(
            http.getCode(),
            slugFor(http.getCode()),
            titleFor(http.getCode()),
            titleFor(http.getCode()));
      }
    }
    return null;
  }

  /** The body ended before its declared length. */
  public static ApiException incompleteBody() {
    return ApiException.badRequest(
        "incomplete-body", "The request body ended before its declared Content-Length");
  }

  /**
   * Marks a deliberate non-problem error body (e.g. /health's 503 report) so the status-code
   * handlers leave it alone.
   */
  public static void keepBody(Context ctx) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
  }

  public static void write(Context ctx, int status, String slug, String title, String detail) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType(CONTENT_TYPE);
    ctx.json(
        new Problem(
            Problem.BASE + slug, title, status, detail, CapabilityPaths.redact(ctx.path())));
    ctx.contentType(CONTENT_TYPE);
  }

  /** The type's last segment for a status no handler chose a more precise type for. */
  public static String slugFor(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 408 -> "request-timeout";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "body-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "rate-limited";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "bad-request";
    };
  }

  public static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 408 -> "Request timeout";
      case 414 -> "URI too long";
      case 431 -> "Request header fields too large";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Bad request";
    };
  }
}
