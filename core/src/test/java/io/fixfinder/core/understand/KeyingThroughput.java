package io.fixfinder.core.understand;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of document keying on real pages: {@link KeyExtractor#extractDocument} over the
 * myfixit guides (title + step texts), one thread, after a warm-up; prints guides per second and a
 * digest of every result so that two builds can be checked to key the same. A main, not a test:
 * timing has no place in assertions.
 *
 * <pre>
 * ./mvnw -o -B -q -pl core test-compile
 * java -cp core/target/classes:core/target/test-classes:$(deps) \
 *   io.fixfinder.core.understand.KeyingThroughput ../shared/data/myfixit [rounds]
 * </pre>
 */
public final class KeyingThroughput {
  private KeyingThroughput() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/myfixit");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<DocumentKeying.Page> pages = new ArrayList<>();
    long chars = 0;
    for (String name : List.of("Appliance.json", "Computer Hardware.json")) {
      Path file = dir.resolve(name);
      if (!Files.exists(file)) {
        System.err.println(file + ": not found (the shared data folder is needed)");
        System.exit(2);
      }
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) continue;
          JsonNode g = Json.mapper().readTree(line);
          StringBuilder text = new StringBuilder();
          for (JsonNode step : g.path("Steps"))
            text.append(step.path("Text_raw").asText("").strip()).append('\n');
          DocumentKeying.Page p =
              DocumentKeying.Page.of(g.path("Title").asText(""), text.toString());
          pages.add(p);
          chars += p.title().length() + p.text().length();
        }
      }
    }
    KeyExtractor extractor = KeyExtractor.builtIn();
    long digest = 0;
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double bestCpu = Double.MAX_VALUE;
    for (int r = -2; r < rounds; r++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long d = 0;
      for (DocumentKeying.Page p : pages)
        d = d * 31 + extractor.extractDocument(p).toString().hashCode();
      double s = (System.nanoTime() - start) / 1e9;
      // CPU time of this thread: on a shared, loaded machine wall time mostly measures the others.
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      digest = d;
      if (r < 0) continue;
      bestCpu = Math.min(bestCpu, cpu);
      System.out.printf(
          Locale.ROOT,
          "round %d: %d pages (%.1f MB) in %.2f s wall, %.2f s cpu: %.0f pages/s of cpu%n",
          r,
          pages.size(),
          chars / 1e6,
          s,
          cpu,
          pages.size() / cpu);
    }
    System.out.printf(
        Locale.ROOT,
        "best: %.0f pages/s, %.2f MB/s of one thread's cpu%n",
        pages.size() / bestCpu,
        chars / 1e6 / bestCpu);
    System.out.printf(Locale.ROOT, "digest %016x%n", digest);
  }
}
