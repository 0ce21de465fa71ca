package io.fixfinder.api.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each request: a timer by route, method and status, and an access-log line without personal
 * data (no address, no query string, no headers). The route label is a route-table path or "other",
 * so a flood of random paths cannot grow the metrics.
 */
public final class RequestLog {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.fixfinder.access");

  private final MeterRegistry registry;
  private final UnaryOperator<String> routeOf;

  public RequestLog(MeterRegistry registry, UnaryOperator<String> routeOf) {
    this.registry = registry;
    this.routeOf = routeOf;
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
    ACCESS.info(
        "{} {} {} {} ms",
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        String.format(Locale.ROOT, "%.1f", ms));
  }
}
