package io.fixfinder.indexer.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A child JVM's measurement of one {@link Candidate}'s cost (run by {@link EmbeddingModels}, one
 * JVM per model so that each model's memory is its own): resident memory after loading and a warm
 * run, then passages per second on one thread and on two, alternated, best of the rounds.
 *
 * <p>Prints {@code COST name modelBytes residentMiB oneThread twoThreads}.
 */
final class EmbeddingCost {
  private EmbeddingCost() {}

  public static void main(String[] args) throws Exception {
    Candidate candidate = Candidate.named(args[0]);
    List<String> texts = Files.readAllLines(Path.of(args[1]));
    int rounds = Integer.parseInt(args[2]);
    long before = residentKib();
    Embedder one = candidate.open(1);
    one.embed(texts.subList(0, Math.min(32, texts.size()))); // warm-up
    long loaded = residentKib(); // one model loaded and run: what a deployment holds
    Embedder two = candidate.open(2);
    two.embed(texts.subList(0, Math.min(32, texts.size())));
    double bestOne = 0;
    double bestTwo = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      one.embed(texts);
      long t1 = System.nanoTime();
      two.embed(texts);
      long t2 = System.nanoTime();
      bestOne = Math.max(bestOne, texts.size() / ((t1 - t0) / 1e9));
      bestTwo = Math.max(bestTwo, texts.size() / ((t2 - t1) / 1e9));
    }
    System.out.printf(
        Locale.ROOT,
        "COST %s %d %.0f %.1f %.1f%n",
        candidate.name(),
        modelBytes(candidate),
        (loaded - before) / 1024.0,
        bestOne,
        bestTwo);
    System.out.flush();
    System.exit(0);
  }

  static long modelBytes(Candidate c) throws Exception {
    try (var in = EmbeddingCost.class.getClassLoader().getResourceAsStream(c.model())) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  private static long residentKib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return 0;
  }
}
