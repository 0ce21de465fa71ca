package io.fixfinder.indexer.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.testing.ChildJvm;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedding model comparison harness (not a unit test: it runs only when {@code
 * -Dfixfinder.devsets=DIR} names a folder of BEIR sets). For each {@link Candidate}: its cost in a
 * JVM of its own ({@link EmbeddingCost}: model file, resident memory, passages/s on one thread and
 * on two, on a fixed sample of the sets' records), then each set indexed with its vectors and
 * searched through the real evaluation ({@link SearchEvaluation}): dense, hybrid (the shipped
 * learned fusion) and hybrid with reciprocal rank fusion (which reads ranks only, so it does not
 * favour the model the learned fusion was fit on). Last, the choice made leave-one-set-out: for
 * each set, the model with the best mean hybrid nDCG@10 on the other sets, and its figure on the
 * held-out set.
 *
 * <p>{@code -Dfixfinder.sets=a,b} limits the sets, {@code -Dfixfinder.models=a,b} the models;
 * {@code -Dfixfinder.embedResults=DIR} keeps each model's figures (one file each, written as they
 * come) so that models can be measured by separate runs and reported by one with {@code
 * -Dfixfinder.reportOnly=true}. {@link #batching} is the batching experiment (same property).
 *
 * <p>Run: {@code ./mvnw -o -B -pl indexer -am test -Dtest=EmbeddingModels
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfixfinder.devsets=/tmp/devsets}
 */
public class EmbeddingModels {
  /** Records in the cost sample, spread over the sets. */
  static final int SAMPLE = 400;

  record Cost(long modelBytes, double residentMib, double oneThread, double twoThreads) {}

  @Test
  void compare() throws Exception {
    List<Path> dirs = sets();
    List<Candidate> models = models();
    Path results = results();
    if (!Boolean.getBoolean("fixfinder.reportOnly")) {
      KeyExtractor extractor = KeyExtractor.builtIn();
      Path sample = sample(dirs, extractor);
      try {
        for (Candidate c : models) measure(c, dirs, extractor, sample, results);
      } finally {
        Files.deleteIfExists(sample);
      }
    }
    Map<String, Cost> costs = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Double>>> ndcg = new LinkedHashMap<>(); // model, set, mode
    List<Candidate> measured = new ArrayList<>();
    for (Candidate c : models) {
      Path file = results.resolve(c.name() + ".tsv");
      if (!Files.isRegularFile(file)) continue;
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t");
        if (f[0].equals("cost")) {
          costs.put(
              c.name(),
              new Cost(
                  Long.parseLong(f[1]),
                  Double.parseDouble(f[2]),
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4])));
        } else {
          Map<String, Double> byMode = new LinkedHashMap<>();
          for (int i = 1; i + 1 < f.length; i += 2) byMode.put(f[i], Double.parseDouble(f[i + 1]));
          ndcg.computeIfAbsent(c.name(), k -> new LinkedHashMap<>()).put(f[0], byMode);
        }
      }
      boolean complete =
          costs.containsKey(c.name())
              && dirs.stream()
                  .allMatch(d -> ndcg.getOrDefault(c.name(), Map.of()).containsKey(name(d)));
      if (complete) measured.add(c);
    }
    report(dirs, measured, costs, ndcg);
    for (Candidate c : measured) {
      for (var set : ndcg.get(c.name()).entrySet()) {
        // A model loaded wrongly (pooling, inputs) ranks at random: near 0 on every set.
        assertThat(set.getValue().get("dense"))
            .as("%s dense nDCG@10 on %s", c.name(), set.getKey())
            .isGreaterThan(0.05);
      }
    }
  }

  /** Cost and each set's figures of one model, appended to its file as they come. */
  private static void measure(
      Candidate c, List<Path> dirs, KeyExtractor extractor, Path sample, Path results)
      throws Exception {
    Path file = results.resolve(c.name() + ".tsv");
    Files.deleteIfExists(file);
    Cost k = cost(c, sample);
    append(
        file,
        String.format(
            Locale.ROOT,
            "cost\t%d\t%.1f\t%.2f\t%.2f",
            k.modelBytes(),
            k.residentMib(),
            k.oneThread(),
            k.twoThreads()));
    System.out.println("embedding models: " + c.name() + " " + k);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Embedder e = c.open(2);
    try {
      for (Path dir : dirs) {
        BeirSet set = BeirSet.read(dir);
        SearchEvaluation eval =
            new SearchEvaluation(
                extractor, Optional.of(e), Fusion.LEARNED, List.of(Fusion.RRF), quiet);
        SearchEvaluation.Result r = eval.run(set, List.of(Retrieval.DENSE, Retrieval.HYBRID));
        StringBuilder line = new StringBuilder(name(dir));
        r.systems()
            .forEach(
                (mode, v) ->
                    line.append('\t')
                        .append(mode)
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", v.ndcg10())));
        append(file, line.toString());
        System.out.println("embedding models: " + c.name() + " " + line);
      }
    } finally {
      if (e instanceof AutoCloseable closeable) closeable.close();
    }
  }

  private static void append(Path file, String line) throws Exception {
    Files.writeString(
        file,
        line + "\n",
        java.nio.charset.StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /**
   * Where each model's figures go, one file per model ({@code -Dfixfinder.embedResults=DIR}): the
   * models may be measured by separate runs (one model each, in parallel) and reported together
   * with {@code -Dfixfinder.reportOnly=true}.
   */
  private static Path results() throws Exception {
    String dir = System.getProperty("fixfinder.embedResults", "");
    Path p = dir.isBlank() ? Files.createTempDirectory("fixfinder-embed-results-") : Path.of(dir);
    Files.createDirectories(p);
    return p;
  }

  /**
   * The harness outside Maven (same system properties): {@code java -cp TESTCP ...EmbeddingModels}.
   */
  public static void main(String[] args) throws Exception {
    new EmbeddingModels().compare();
  }

  private static void report(
      List<Path> dirs,
      List<Candidate> models,
      Map<String, Cost> costs,
      Map<String, Map<String, Map<String, Double>>> ndcg) {
    List<String> names = dirs.stream().map(EmbeddingModels::name).toList();
    StringBuilder b = new StringBuilder("\n");
    b.append("| model | file MB | memory MB | vectors/s 1 thread | vectors/s 2 threads |\n");
    b.append("|---|---|---|---|---|\n");
    for (Candidate c : models) {
      Cost k = costs.get(c.name());
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f |%n",
              c.name(),
              k.modelBytes() / 1e6,
              k.residentMib(),
              k.oneThread(),
              k.twoThreads()));
    }
    for (String mode : List.of("dense", "hybrid", "hybrid-rrf")) {
      b.append("\nnDCG@10, ").append(mode).append("\n| model |");
      names.forEach(n -> b.append(' ').append(n).append(" |"));
      b.append(" mean |\n|---|");
      names.forEach(n -> b.append("---|"));
      b.append("---|\n");
      for (Candidate c : models) {
        b.append("| ").append(c.name()).append(" |");
        double sum = 0;
        for (String n : names) {
          double v = ndcg.get(c.name()).get(n).get(mode);
          sum += v;
          b.append(String.format(Locale.ROOT, " %.4f |", v));
        }
        b.append(String.format(Locale.ROOT, " %.4f |%n", sum / names.size()));
      }
    }
    b.append("\nleave-one-set-out choice (best mean hybrid nDCG@10 on the other sets)\n");
    b.append("| held out | chosen | its hybrid | default's hybrid |\n|---|---|---|---|\n");
    for (String held : names) {
      String best = null;
      double bestMean = -1;
      for (Candidate c : models) {
        double sum = 0;
        for (String n : names) if (!n.equals(held)) sum += ndcg.get(c.name()).get(n).get("hybrid");
        if (sum > bestMean) {
          bestMean = sum;
          best = c.name();
        }
      }
      Double fallback =
          ndcg.getOrDefault(Candidate.DEFAULT.name(), Map.of())
              .getOrDefault(held, Map.of())
              .get("hybrid");
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.4f | %s |%n",
              held,
              best,
              ndcg.get(best).get(held).get("hybrid"),
              fallback == null ? "-" : String.format(Locale.ROOT, "%.4f", fallback)));
    }
    System.out.println(b);
  }

  private static Cost cost(Candidate c, Path sample) throws Exception {
    try (ChildJvm.Child child =
        ChildJvm.start(EmbeddingCost.class, c.name(), sample.toString(), "2")) {
      String[] f = child.awaitLine("COST ").split(" ");
      return new Cost(
          Long.parseLong(f[2]),
          Double.parseDouble(f[3]),
          Double.parseDouble(f[4]),
          Double.parseDouble(f[5]));
    }
  }

  /**
   * Paired timing of one text per run against runs of equal-length texts (nothing padded), both on
   * two threads, alternated, best of 3; and how far batched vectors move from the texts' own.
   */
  @Test
  void batching() throws Exception {
    List<Path> dirs = sets();
    List<String> texts = Files.readAllLines(sample(dirs, KeyExtractor.builtIn()));
    List<String> cut =
        texts.stream()
            .map(
                t ->
                    t.length() > MiniLmEmbedder.MAX_CHARS
                        ? t.substring(0, MiniLmEmbedder.MAX_CHARS)
                        : t)
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    OnnxNativeLibraries.prepare();
    for (Candidate c : List.of(Candidate.DEFAULT, Candidate.named("all-minilm-l6-v2"))) {
      for (int batch : new int[] {4, 16}) {
        try (BertEncoder single =
                new BertEncoder(c.model(), c.tokenizer(), c.dimensions(), c.pooling(), 1);
            BertEncoder batched =
                new BertEncoder(c.model(), c.tokenizer(), c.dimensions(), c.pooling(), batch)) {
          List<float[]> a = single.encode(cut, pool);
          List<float[]> v = batched.encode(cut, pool);
          double min = 1;
          double sum = 0;
          for (int i = 0; i < a.size(); i++) {
            double cos = Embedder.cosine(a.get(i), v.get(i));
            min = Math.min(min, cos);
            sum += cos;
          }
          double bestSingle = Double.MAX_VALUE;
          double bestBatched = Double.MAX_VALUE;
          for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            single.encode(cut, pool);
            long t1 = System.nanoTime();
            batched.encode(cut, pool);
            long t2 = System.nanoTime();
            bestSingle = Math.min(bestSingle, (t1 - t0) / 1e9);
            bestBatched = Math.min(bestBatched, (t2 - t1) / 1e9);
          }
          System.out.printf(
              Locale.ROOT,
              "batching: %s batch %d: %d texts, one per run %.0f/s, batched %.0f/s;"
                  + " cosine to one-per-run min %.6f mean %.6f%n",
              c.name(),
              batch,
              cut.size(),
              cut.size() / bestSingle,
              cut.size() / bestBatched,
              min,
              sum / a.size());
        }
      }
    }
    pool.shutdownNow();
  }

  /** Every k-th record of each set, so that every set's kind of text is in the sample. */
  private static Path sample(List<Path> dirs, KeyExtractor extractor) throws Exception {
    SearchEvaluation eval =
        new SearchEvaluation(
            extractor,
            Optional.empty(),
            Fusion.LEARNED,
            new PrintStream(OutputStream.nullOutputStream()));
    List<String> texts = new ArrayList<>();
    int per = SAMPLE / dirs.size();
    for (Path dir : dirs) {
      List<BeirSet.Doc> corpus = BeirSet.read(dir).corpus();
      int step = Math.max(1, corpus.size() / per);
      for (int i = 0;
          i < corpus.size() && texts.size() < per * (dirs.indexOf(dir) + 1);
          i += step) {
        String t = DocumentMapper.embeddingText(eval.toSourceDoc(corpus.get(i)));
        texts.add(t.replaceAll("\\s+", " ").strip());
      }
    }
    Path file = Files.createTempFile("fixfinder-embed-sample-", ".txt");
    Files.write(file, texts);
    return file;
  }

  private static List<Path> sets() throws Exception {
    String root = System.getProperty("fixfinder.devsets", "");
    assumeTrue(
        !root.isBlank() && Files.isDirectory(Path.of(root)),
        "embedding model harness: set -Dfixfinder.devsets=DIR to run it");
    List<String> only = list("fixfinder.sets");
    try (Stream<Path> s = Files.list(Path.of(root))) {
      List<Path> dirs =
          s.filter(d -> Files.isRegularFile(d.resolve("corpus.jsonl")))
              .filter(d -> only.isEmpty() || only.contains(name(d)))
              .sorted()
              .toList();
      assumeTrue(!dirs.isEmpty(), "no BEIR set under " + root);
      return dirs;
    }
  }

  private static List<Candidate> models() {
    List<String> only = list("fixfinder.models");
    return only.isEmpty() ? Candidate.ALL : only.stream().map(Candidate::named).toList();
  }

  private static List<String> list(String property) {
    return Arrays.stream(System.getProperty(property, "").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String name(Path dir) {
    return dir.getFileName().toString();
  }
}
