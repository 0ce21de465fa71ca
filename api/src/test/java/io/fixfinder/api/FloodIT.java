package io.fixfinder.api;

import static io.fixfinder.api.ApiServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood from random client addresses (forwarded by a trusted proxy) with random queries, against
 * the real server: the rate limiter's buckets and the search cache stay within their configured
 * bytes all along (read from /metrics), and the heap after GC stays flat: at the last step it is
 * within {@link #HEAP_SLACK} of the first (printed at each step for docs/reliability.md). Oversized
 * identities (a 7 KB key or forwarded address) are refused before they are stored. {@code
 * -Dflood.requests=N} and {@code -Dflood.seed=S} change the run.
 */
class FloodIT {
  static final long MB = 1024 * 1024;

  /** How far the heap after GC may move between the flood's first and last step. */
  static final long HEAP_SLACK = 8 * MB;

  @TempDir Path dir;

  @Test
  void limiterAndCacheStayWithinTheirBytesUnderARandomClientFlood() throws Exception {
    int requests = Integer.getInteger("flood.requests", 8_000);
    long seed = Long.getLong("flood.seed", 11L);
    System.out.println(
        "FloodIT seed=" + seed + " requests=" + requests + " (-Dflood.seed/-Dflood.requests)");
    FixFinderConfig.Server settings =
        new FixFinderConfig.Server(
            "127.0.0.1", 0, List.of("127.0.0.1"), 600, 60, List.of(), 10, 0, 1, 1, "off");
    try (ApiFixture api = new ApiFixture(dir, settings, routes -> {})) {
      assertThat(api.get("/api/search?q=drain").statusCode()).isEqualTo(200);
      long before = heapAfterGc();
      System.out.printf(Locale.ROOT, "FloodIT heap before: %.1f MB%n", before / 1e6);

      // Identities a client chooses freely are refused before anything is kept for them.
      assertProblem(
          send(api, "/api/search?q=drain", "X-Api-Key", "k".repeat(7000)), 401, "unknown-api-key");
      assertProblem(
          send(api, "/api/search?q=drain", "X-Forwarded-For", "f".repeat(7000)),
          400,
          "invalid-forwarded-for");

      AtomicIntegerArray statuses = new AtomicIntegerArray(600);
      int threads = 4;
      int steps = 4;
      List<String> figures = new ArrayList<>();
      long firstStepHeap = 0;
      long lastStepHeap = 0;
      for (int step = 1; step <= steps; step++) {
        int from = (step - 1) * requests / steps;
        int to = step * requests / steps;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(
                pool.submit(
                    () -> {
                      Random random = new Random(seed * 31 + thread * 1_000_003L + from);
                      for (int i = from + thread; i < to; i += threads) {
                        String client = randomAddress(random);
                        String q = "drain+" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                        HttpResponse<String> r =
                            send(
                                api,
                                "/api/search?q=" + q,
                                "X-Forwarded-For",
                                "203.0.113.9, " + client);
                        statuses.incrementAndGet(r.statusCode());
                      }
                      return null;
                    }));
          }
          for (Future<?> f : done) f.get();
        } finally {
          pool.shutdown();
        }
        String metrics = api.get("/metrics").body();
        long limiterBytes = gauge(metrics, "fixfinder_ratelimit_bytes");
        long buckets = gauge(metrics, "fixfinder_ratelimit_buckets");
        long cacheBytes = gauge(metrics, "fixfinder_searchcache_bytes");
        long heap = heapAfterGc();
        String line =
            String.format(
                Locale.ROOT,
                "FloodIT after %,d requests: limiter %,d B in %,d buckets, cache %,d B, heap %.1f MB"
                    + " (%+.1f MB)",
                to,
                limiterBytes,
                buckets,
                cacheBytes,
                heap / 1e6,
                (heap - before) / 1e6);
        System.out.println(line);
        figures.add(line);
        assertThat(limiterBytes).as(line).isPositive().isLessThanOrEqualTo(MB);
        assertThat(cacheBytes).as(line).isPositive().isLessThanOrEqualTo(MB);
        if (step == 1) firstStepHeap = heap;
        lastStepHeap = heap;
      }
      assertThat(lastStepHeap - firstStepHeap)
          .as("heap growth from the first step to the last: %s", figures)
          .isLessThan(HEAP_SLACK);
      assertThat(statuses.get(200)).as("the flood was served").isGreaterThan(requests / 2);
      for (int s = 500; s < 600; s++) assertThat(statuses.get(s)).as("status " + s).isZero();
    }
  }

  /** A random IPv4 address, or an IPv6 one (a random /64 and interface id) one time in four. */
  static String randomAddress(Random random) {
    if (random.nextInt(4) == 0) {
      StringBuilder s = new StringBuilder("2001:db8");
      for (int i = 0; i < 6; i++) s.append(':').append(Integer.toHexString(random.nextInt(65536)));
      return s.toString();
    }
    return (1 + random.nextInt(223))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256);
  }

  static HttpResponse<String> send(ApiFixture api, String path, String header, String value)
      throws Exception {
    return api.http.send(
        HttpRequest.newBuilder(api.uri(path)).header(header, value).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static long gauge(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.E+]+)$").matcher(metrics);
    assertThat(m.find()).as(name + " in /metrics").isTrue();
    return (long) Double.parseDouble(m.group(1));
  }

  static long heapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
