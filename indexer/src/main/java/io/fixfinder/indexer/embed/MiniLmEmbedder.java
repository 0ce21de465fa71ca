package io.fixfinder.indexer.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) from the packaged model's jar, run in process by
 * ONNX Runtime ({@link BertEncoder}), texts spread over a fixed pool of threads. The network reads
 * the first {@value BertEncoder#MAX_TOKENS} word pieces of a text (its vocabulary file's
 * truncation): the title and opening of a record carry its fault. Texts are cut to {@link
 * #MAX_CHARS} characters first so that tokenising a long record costs no more than that.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  /** The model and its vocabulary, inside the packaged model's jar. */
  private static final String MODEL = "all-minilm-l6-v2-q.onnx";

  private static final String VOCABULARY = "all-minilm-l6-v2-q-tokenizer.json";

  /** Well past what {@value BertEncoder#MAX_TOKENS} word pieces of English prose take. */
  public static final int MAX_CHARS = 1000;

  private static final int DIMENSIONS = 384;

  private final ExecutorService pool;
  private final BertEncoder encoder;

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
    this.encoder = encoder();
  }

  static BertEncoder encoder() {
    OnnxNativeLibraries.prepare();
    return new BertEncoder(MODEL, VOCABULARY, DIMENSIONS);
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
    List<String> cut = new ArrayList<>(texts.size());
    for (String text : texts) {
      String t = text == null || text.isBlank() ? "-" : text.strip();
      cut.add(t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t);
    }
    return encoder.encode(cut, pool);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    encoder.close();
  }
}
