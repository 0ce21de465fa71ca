package io.fixfinder.app.bench;

import io.fixfinder.core.progress.Progress;
import io.fixfinder.crawler.frontier.HostFrontier;
import io.fixfinder.crawler.frontier.HostShards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fixfinder bench frontier}: one worker's share of a distributed crawl's frontier at N URLs
 * (100 million by default) over W workers, simulated with the real {@link HostFrontier} on disk.
 * URLs are drawn over the hosts by a Zipf law (a few large sites, a long tail); the worker keeps
 * those whose host {@link HostShards} gives it. Reports the heap the frontier holds, its bytes on
 * disk, offer and pick rates, the time to pick the next URL (p50/p99) on a simulated clock with
 * every host paced, the checkpoint and the resume.
 */
@Command(
    name = "frontier",
    mixinStandardHelpOptions = true,
    description = {
      "A distributed crawl's frontier: one worker's share of N URLs over W workers, on disk,",
      "with its heap, disk, offer rate, pick time (p50/p99), checkpoint and resume."
    })
public final class FrontierBench implements Callable<Integer> {
  @Option(names = "--urls", defaultValue = "100000000", description = "URLs in the whole crawl.")
  long urls;

  @Option(names = "--workers", defaultValue = "16", description = "Workers (default: 16).")
  int workers;

  @Option(names = "--hosts", defaultValue = "1000000", description = "Hosts (default: 1000000).")
  int hosts;

  @Option(
      names = "--zipf",
      defaultValue = "0.8",
      description = "Exponent of the hosts' sizes (default: 0.8).")
  double zipf;

  @Option(
      names = "--delay-ms",
      defaultValue = "1000",
      description = "Pause between two requests to one host (default: 1000).")
  int delayMs;

  @Option(
      names = "--picks",
      defaultValue = "2000000",
      description = "Picks to time (default: 2000000).")
  int picks;

  @Option(
      names = "--dir",
      description = "Where the worker's log goes (default: a temporary folder, deleted after).")
  Path dir;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (urls < 1 || workers < 1 || hosts < 1 || picks < 1 || delayMs < 0 || !(zipf >= 0)) {
      System.err.println(
          "--urls, --workers, --hosts and --picks must be at least 1, --delay-ms and --zipf not"
              + " negative");
      return 2;
    }
    boolean temporary = dir == null;
    Path where = temporary ? Files.createTempDirectory("fixfinder-frontier") : dir;
    if (!temporary && Files.exists(where.resolve("frontier.log"))) {
      System.err.println("--dir " + where + " already holds a frontier; give an empty folder");
      return 2;
    }
    try {
      run(where);
    } finally {
      if (temporary) delete(where);
    }
    return 0;
  }

  private void run(Path where) {
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %d MB max heap, Java %s; %,d URLs over %,d hosts (Zipf %.2f), %d"
            + " workers, this one worker 0%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        urls,
        hosts,
        zipf,
        workers);
    double[] cdf = new double[hosts];
    double sum = 0;
    for (int k = 0; k < hosts; k++) cdf[k] = sum += Math.pow(k + 1, -zipf);
    HostShards shards = new HostShards(workers);
    boolean[] mine = new boolean[hosts];
    int myHosts = 0;
    for (int k = 0; k < hosts; k++) {
      mine[k] = shards.workerOf(host(k)) == 0;
      if (mine[k]) myHosts++;
    }
    long before = usedHeap();
    long expected = urls / workers + urls / workers / 10;
    SplittableRandom random = new SplittableRandom(seed);
    AtomicLong drawn = new AtomicLong();
    long offered = 0;
    long refused = 0;
    long t0 = System.nanoTime();
    HostFrontier f = HostFrontier.open(where, expected, delayMs);
    try (Progress p =
        Progress.discovering(
            "frontier: URLs drawn",
            "URLs",
            () -> new Progress.Counts(drawn.get(), urls), // one read: the total never moves
            System.out,
            Duration.ofSeconds(10))) {
      for (long i = 0; i < urls; i++) {
        int k = rank(cdf, random.nextDouble() * sum);
        if (mine[k]) {
          // every drawn URL is new (its number is in it): a refusal is a seen-filter false positive
          if (f.offer("https://" + host(k) + "/page/" + Long.toString(i, 36), 0)) offered++;
          else refused++;
        }
        drawn.lazySet(i + 1);
      }
    }
    double offerSeconds = (System.nanoTime() - t0) / 1e9;
    long c0 = System.nanoTime();
    f.checkpoint();
    double checkpointMs = (System.nanoTime() - c0) / 1e6;
    long after = usedHeap();
    long heap = after - before;
    long checkpointBytes = size(where.resolve("frontier.checkpoint"));
    System.out.printf(
        Locale.ROOT,
        "worker 0: %,d URLs queued (%,d refused as seen: false positives) over %,d of its %,d"
            + " hosts; offered at %,.0f URLs/s drawn%n",
        offered,
        refused,
        f.hosts(),
        myHosts,
        urls / offerSeconds);
    System.out.printf(
        Locale.ROOT,
        "memory: %.1f MB of heap held by the frontier (used heap after GC, %.1f MB in all with"
            + " the bench's own %.1f MB of host tables; seen-filter %.1f MB, false-positive rate"
            + " %.2f%%); disk: log %.0f MB, checkpoint %.1f MB written in %.0f ms%n",
        heap / 1e6,
        after / 1e6,
        (cdf.length * 8L + mine.length) / 1e6,
        f.seen().bytes() / 1e6,
        f.seen().expectedFalsePositiveRate() * 100,
        f.logBytes() / 1e6,
        checkpointBytes / 1e6,
        checkpointMs);

    Latencies pick = new Latencies();
    long now = 0;
    long fetched = 0;
    long p0 = System.nanoTime();
    while (fetched < picks) {
      long s = System.nanoTime();
      HostFrontier.Pick next = f.next(now);
      long took = System.nanoTime() - s;
      if (next instanceof HostFrontier.Pick.Fetch) {
        pick.add(took);
        fetched++;
      } else if (next instanceof HostFrontier.Pick.Wait w) {
        now += w.millis();
      } else {
        break;
      }
    }
    double pickSeconds = (System.nanoTime() - p0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "pick: %,d URLs in %.1f s of work (%,.0f a second), p50 %.1f us, p99 %.1f us, max %.1f"
            + " us; simulated crawl time %,d s at one request per host per %d ms%n",
        fetched,
        pickSeconds,
        fetched / pickSeconds,
        pick.percentileMs(50) * 1000,
        pick.percentileMs(99) * 1000,
        pick.percentileMs(100) * 1000,
        now / 1000,
        delayMs);
    f.close(); // killed after its last checkpoint: the picks since are handed out again
    long r0 = System.nanoTime();
    try (HostFrontier resumed = HostFrontier.open(where, expected, delayMs)) {
      System.out.printf(
          Locale.ROOT,
          "resume: %,d URLs queued again in %.0f ms (the %,d picked since the checkpoint"
              + " included)%n",
          resumed.queued(),
          (System.nanoTime() - r0) / 1e6,
          fetched);
    }
  }

  static String host(int k) {
    return "h" + k + ".example";
  }

  private static int rank(double[] cdf, double u) {
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
