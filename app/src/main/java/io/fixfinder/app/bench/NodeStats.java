package io.fixfinder.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The search and get counters of an OpenSearch cluster ({@code _nodes/stats/indices/search,get},
 * summed over its nodes): read before and after a run of searches, the difference says how many
 * shard-level query and fetch phases and document gets one search of ours cost the cluster, and how
 * long the nodes spent in them, beside the search's wall time on our side.
 */
final class NodeStats {
  static final String HEADER =
      "| backend | searches | shard queries | query ms | shard fetches | fetch ms | docs got |"
          + " get ms | our wall ms (mean) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

  private NodeStats() {}

  /** Cumulative counters (phases and milliseconds). */
  record Counts(long queries, long queryMs, long fetches, long fetchMs, long gets, long getMs) {
    Counts minus(Counts o) {
      return new Counts(
          queries - o.queries,
          queryMs - o.queryMs,
          fetches - o.fetches,
          fetchMs - o.fetchMs,
          gets - o.gets,
          getMs - o.getMs);
    }

    /** Per search of {@code l}: the counters divided by its count. */
    String row(String backend, Latencies l) {
      double n = Math.max(1, l.count());
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |",
          backend,
          l.count(),
          queries / n,
          queryMs / n,
          fetches / n,
          fetchMs / n,
          gets / n,
          getMs / n,
          l.meanMs());
    }
  }

  static Counts read(URI node) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(node.resolve("/_nodes/stats/indices/search,get"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("_nodes/stats answered " + r.statusCode() + ": " + r.body());
      }
      long[] c = new long[6];
      for (JsonNode n : Json.mapper().readTree(r.body()).path("nodes")) {
        JsonNode search = n.path("indices").path("search");
        JsonNode get = n.path("indices").path("get");
        c[0] += search.path("query_total").asLong();
        c[1] += search.path("query_time_in_millis").asLong();
        c[2] += search.path("fetch_total").asLong();
        c[3] += search.path("fetch_time_in_millis").asLong();
        c[4] += get.path("total").asLong();
        c[5] += get.path("time_in_millis").asLong();
      }
      return new Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
