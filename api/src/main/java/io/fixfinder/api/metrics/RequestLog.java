package io.fixfinder.api.metrics;

import io.fixfinder.api.http.CapabilityPaths;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * After each request: a timer by route, method and status, and an access-log line without personal
 * data (no address, no query string, no headers). The route label is a route-table path or "other",
 * so a flood of random paths cannot grow the metrics.
 */
public final class RequestLog {
  private final MeterRegistry registry;
  private final UnaryOperator<String> routeOf;
  private final AccessLog access;

  public RequestLog(MeterRegistry registry, UnaryOperator<String> routeOf, AccessLog access) {
    this.registry = registry;
    this.routeOf = routeOf;
    this.access = access;
  }

  /** Javalin's request logger. */
  public void log(Context ctx, float ms) {
    Timer.builder("fixfinder.http.requests")
        .description("API requests by route, method and status")
        .tag("method", ctx.method().name())
        .tag("route", routeOf.apply(ctx.path()))
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentileHistogram()
        .register(registry)
        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
    access.line(
        ctx.method().name()
            + ' '
            + printable(CapabilityPaths.redact(ctx.path()))
            + ' '
            + ctx.statusCode()
            + ' '
            + String.format(Locale.ROOT, "%.1f", ms)
            + " ms");
  }

  /** A path is the client's: no control character may break or forge a log line. */
  private static String printable(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
