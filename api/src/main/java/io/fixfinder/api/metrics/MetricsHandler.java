package io.fixfinder.api.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/** {@code GET /metrics}: Prometheus text of the request timers, gauges and last crawl. */
public final class MetricsHandler {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CrawlStats crawl;

  public MetricsHandler(CrawlStats crawl) {
    this.crawl = crawl;
    crawl.bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A value read at each scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  public void scrape(Context ctx) {
    crawl.refresh();
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}
