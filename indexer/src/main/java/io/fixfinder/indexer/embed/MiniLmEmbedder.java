package io.fixfinder.indexer.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) run in process by ONNX Runtime. The model reads at
 * most 256 word pieces, so texts are cut to {@link #MAX_CHARS} characters first: the title and
 * opening of a record carry its fault, and embedding cost grows with length. Batches are spread
 * over a fixed pool of threads.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  /** Roughly 256 word pieces of English prose. */
  public static final int MAX_CHARS = 1000;

  private static final int DIMENSIONS = 384;

  private final ExecutorService pool;
  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  /** A model using {@code threads} threads for batches. */
  public MiniLmEmbedder(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    OnnxNativeLibraries.prepare(); // before ONNX Runtime loads: no temporary folder per start
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "embedder");
              t.setDaemon(true);
              return t;
            });
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
  }

  /** A model with one thread per available core. */
  public MiniLmEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A model with {@code configured} threads, or one per core when it is 0 (index.embedThreads). */
  public static MiniLmEmbedder withThreads(int configured) {
    if (configured < 0)
      throw new IllegalArgumentException("threads must be >= 0, got " + configured);
    return configured == 0 ? new MiniLmEmbedder() : new MiniLmEmbedder(configured);
  }

  @Override
  public String id() {
    return "all-minilm-l6-v2-q/" + MAX_CHARS;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) return List.of();
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      String t = text == null || text.isBlank() ? "-" : text.strip();
      segments.add(TextSegment.from(t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t));
    }
    List<Embedding> out = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(out.size());
    for (Embedding e : out) vectors.add(Embedder.normalise(e.vector()));
    return vectors;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
