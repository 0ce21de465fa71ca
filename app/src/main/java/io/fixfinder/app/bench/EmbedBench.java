package io.fixfinder.app.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.schema.DocumentMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedding model alone, on the records' own texts: FixFinder's encoder beside the packaged
 * model's {@code embedAll} (the anchor: same model, same vectors), alternating rounds on all cores,
 * best of the rounds, on the text the indexer embeds. Vectors per second per core is what a
 * deployment's size follows from.
 */
final class EmbedBench {
  private EmbedBench() {}

  static void run(List<SourceDoc> docs, int rounds, PrintStream out) {
    List<String> texts = docs.stream().map(d -> cut(DocumentMapper.embeddingText(d))).toList();
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    double anchor = Double.MAX_VALUE;
    double ours = Double.MAX_VALUE;
    double[] queryAnchor = new double[QUERIES];
    double[] queryOurs = new double[QUERIES];
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      AllMiniLmL6V2QuantizedEmbeddingModel packaged =
          new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
      packaged.embedAll(segments.subList(0, Math.min(50, segments.size()))); // warm-up
      embedder.embed(texts.subList(0, Math.min(50, texts.size())));
      for (int round = 0; round < rounds; round++) {
        long t0 = System.nanoTime();
        packaged.embedAll(segments);
        long t1 = System.nanoTime();
        embedder.embed(texts);
        long t2 = System.nanoTime();
        anchor = Math.min(anchor, (t1 - t0) / 1e9);
        ours = Math.min(ours, (t2 - t1) / 1e9);
      }
      // A query is one short text embedded alone, as a search does it.
      for (int q = 0; q < QUERIES; q++) {
        String query = query(texts.get(q % texts.size()));
        long t0 = System.nanoTime();
        packaged.embed(query);
        long t1 = System.nanoTime();
        embedder.embed(query);
        long t2 = System.nanoTime();
        queryAnchor[q] = (t1 - t0) / 1e6;
        queryOurs[q] = (t2 - t1) / 1e6;
      }
    } finally {
      pool.shutdownNow();
    }
    int n = texts.size();
    out.println();
    out.println(
        "| embedding (all-MiniLM-L6-v2-q) | texts | cores | seconds | texts/s | per core |");
    out.println("|---|---|---|---|---|---|");
    row(out, "packaged model's embedAll (anchor)", n, cores, anchor);
    row(out, "FixFinder (BertEncoder)", n, cores, ours);
    out.println();
    out.printf(
        Locale.ROOT,
        "query embedding, one short text alone (%d queries), p50 / p99: anchor %.2f / %.2f ms,"
            + " FixFinder %.2f / %.2f ms%n",
        QUERIES,
        percentile(queryAnchor, 50),
        percentile(queryAnchor, 99),
        percentile(queryOurs, 50),
        percentile(queryOurs, 99));
    out.flush();
  }

  private static final int QUERIES = 300;

  /** The first six words of a record: about the length of a search. */
  private static String query(String text) {
    String[] words = text.split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length)));
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String cut(String text) {
    String t = text.strip();
    return t.length() > MiniLmEmbedder.MAX_CHARS ? t.substring(0, MiniLmEmbedder.MAX_CHARS) : t;
  }

  private static void row(PrintStream out, String name, int n, int cores, double seconds) {
    out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.1f | %.0f | %.0f |%n",
        name,
        n,
        cores,
        seconds,
        n / seconds,
        n / seconds / cores);
  }
}
