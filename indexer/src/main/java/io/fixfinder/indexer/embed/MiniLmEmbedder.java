package io.fixfinder.indexer.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) from the packaged model's jar, run in process by
 * ONNX Runtime ({@link BertEncoder}), texts spread over a fixed pool of threads. The network reads
 * the first {@value BertEncoder#MAX_TOKENS} word pieces of a text (its vocabulary file's
 * truncation): the title and opening of a record carry its fault. Texts are cut to {@link
 * #MAX_CHARS} characters first so that tokenising a long record costs no more than that.
 *
 * <p>A text met before is not run again: texts repeated within a call are embedded once, and the
 * vectors of the last {@value #CACHED} distinct texts are kept. Real repair logs repeat themselves
 * (in the Open Repair file 23% of the records embed a text an earlier record embedded: empty or
 * "not working" problems under the same category and brand), and a vector is the same whenever its
 * text is.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  /** The model and its vocabulary, inside the packaged model's jar. */
  private static final String MODEL = "all-minilm-l6-v2-q.onnx";

  private static final String VOCABULARY = "all-minilm-l6-v2-q-tokenizer.json";

  /** Well past what {@value BertEncoder#MAX_TOKENS} word pieces of English prose take. */
  public static final int MAX_CHARS = 1000;

  private static final int DIMENSIONS = 384;

  /** Distinct texts whose vectors are kept (some 7 MB). */
  static final int CACHED = 4096;

  private final Cache<String, float[]> seen = Caffeine.newBuilder().maximumSize(CACHED).build();

  private final ExecutorService pool;
  private final BertEncoder encoder;
  private final boolean reuse;

  /** A model using {@code threads} threads for batches. */
  public MiniLmEmbedder(int threads) {
    this(threads, true);
  }

  /**
   * A model using {@code threads} threads; {@code reuse} false runs every text, repeated or not
   * (the benchmarks' before-and-after pair).
   */
  public MiniLmEmbedder(int threads, boolean reuse) {
    this.reuse = reuse;
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
    if (!reuse) return encoder.encode(texts.stream().map(MiniLmEmbedder::cut).toList(), pool);
    float[][] out = new float[texts.size()][];
    Map<String, Integer> pending = new HashMap<>(); // text -> index in todo
    List<String> todo = new ArrayList<>(texts.size());
    int[] from = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      String cut = cut(texts.get(i));
      float[] known = seen.getIfPresent(cut);
      if (known != null) {
        out[i] = known.clone(); // callers own their vectors
        from[i] = -1;
      } else {
        from[i] =
            pending.computeIfAbsent(
                cut,
                k -> {
                  todo.add(k);
                  return todo.size() - 1;
                });
      }
    }
    if (!todo.isEmpty()) {
      List<float[]> computed = encoder.encode(todo, pool);
      for (int k = 0; k < todo.size(); k++) seen.put(todo.get(k), computed.get(k));
      for (int i = 0; i < out.length; i++) {
        if (from[i] >= 0) out[i] = computed.get(from[i]).clone();
      }
    }
    return Arrays.asList(out);
  }

  /**
   * Forgets the texts seen so far (benchmarks: a warm model timed as if it met the texts first; a
   * fresh model would also pay ONNX Runtime's first runs of each text length).
   */
  public void forget() {
    seen.invalidateAll();
  }

  private static String cut(String text) {
    String t = text == null || text.isBlank() ? "-" : text.strip();
    return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    encoder.close();
  }
}
