package io.fixfinder.indexer.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A BERT sentence encoder run by ONNX Runtime: texts spread over a pool whose threads each run the
 * network single-threaded, texts of equal length in word pieces optionally run together.
 *
 * <p>Why not the packaged model's own {@code embedAll}: it tokenises each text three times, and
 * each of its pool threads asks ONNX Runtime for as many threads again as there are cores, so two
 * cores ran four busy threads. The vectors are the same (cosine 1 within rounding, {@code
 * BertEncoderTest}).
 *
 * <p>Batching ({@code batch > 1}) runs only texts of one length together, so nothing is padded.
 * Even so the quantised network's vectors move (cosine to the text alone 0.976-0.985 at worst on
 * the dev sets' records, {@code EmbeddingModels#batching}: its activations are quantised with one
 * scale per run, so a text's neighbours change its vector), for 5-12% more texts/s in a paired run
 * on a loaded machine (docs/benchmarks.md); the full-precision network's vectors stay the text's
 * own ({@code BertEncoderTest}). So the shipped model runs one text per run.
 */
final class BertEncoder implements AutoCloseable {
  /**
   * Word pieces read per text, [CLS] and [SEP] included: the vocabulary file's own truncation,
   * which the packaged model applied too (some 500-600 characters of English).
   */
  static final int MAX_TOKENS = 128;

  /** How a text's vector is made of its word pieces' hidden states. */
  enum Pooling {
    /** The mean over the word pieces (MiniLM, e5). */
    MEAN,
    /** The [CLS] piece's state (BGE). */
    CLS
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int dimensions;
  private final Pooling pooling;
  private final int batch;

  BertEncoder(String modelResource, String vocabularyResource, int dimensions) {
    this(modelResource, vocabularyResource, dimensions, Pooling.MEAN, 1);
  }

  /**
   * @param batch the most texts of one length run together; 1 runs each text alone
   */
  BertEncoder(
      String modelResource, String vocabularyResource, int dimensions, Pooling pooling, int batch) {
    if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    this.dimensions = dimensions;
    this.pooling = pooling;
    this.batch = batch;
    this.environment = OrtEnvironment.getEnvironment();
    try (InputStream model = resource(modelResource);
        InputStream vocabulary = resource(vocabularyResource)) {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // One thread per run: the parallelism is the pool's, one run per core.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = environment.createSession(model.readAllBytes(), options);
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              vocabulary,
              Map.of(
                  "padding", "false",
                  "truncation", "true",
                  "maxLength", Integer.toString(MAX_TOKENS),
                  "addSpecialTokens", "true"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model cannot be loaded: " + e.getMessage(), e);
    }
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  private static InputStream resource(String name) {
    InputStream in = BertEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) throw new IllegalStateException("model resource missing from the jar: " + name);
    return in;
  }

  /** Unit vectors of {@code texts}, in order, the texts spread over {@code pool}. */
  List<float[]> encode(List<String> texts, ExecutorService pool) {
    if (texts.size() == 1) {
      try {
        // a query: no hand-over to the pool
        return run(List.of(tokenizer.encode(texts.getFirst()).getIds()));
      } catch (OrtException e) {
        throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
      }
    }
    if (batch == 1) {
      List<Future<List<float[]>>> runs = new ArrayList<>(texts.size());
      for (String text : texts) {
        runs.add(pool.submit(() -> run(List.of(tokenizer.encode(text).getIds()))));
      }
      List<float[]> out = new ArrayList<>(texts.size());
      for (List<float[]> one : await(runs)) out.add(one.getFirst());
      return out;
    }
    return batched(texts, pool);
  }

  /** Tokenised on the pool, then texts of one length run {@link #batch} at a time. */
  private List<float[]> batched(List<String> texts, ExecutorService pool) {
    List<Future<List<long[]>>> tokenising = new ArrayList<>();
    int chunk = Math.max(1, texts.size() / 16);
    for (int from = 0; from < texts.size(); from += chunk) {
      List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
      tokenising.add(
          pool.submit(
              () -> {
                List<long[]> pieces = new ArrayList<>(part.size());
                for (String t : part) pieces.add(tokenizer.encode(t).getIds());
                return pieces;
              }));
    }
    List<long[]> ids = new ArrayList<>(texts.size());
    for (List<long[]> part : await(tokenising)) ids.addAll(part);
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Integer.compare(ids.get(a).length, ids.get(b).length));
    List<int[]> groups = new ArrayList<>();
    List<Future<List<float[]>>> runs = new ArrayList<>();
    for (int from = 0; from < order.length; ) {
      int length = ids.get(order[from]).length;
      int to = from;
      while (to < order.length && to - from < batch && ids.get(order[to]).length == length) to++;
      int[] group = new int[to - from];
      List<long[]> groupIds = new ArrayList<>(group.length);
      for (int k = 0; k < group.length; k++) {
        group[k] = order[from + k];
        groupIds.add(ids.get(group[k]));
      }
      groups.add(group);
      runs.add(pool.submit(() -> run(groupIds)));
      from = to;
    }
    float[][] out = new float[texts.size()][];
    List<List<float[]>> results = await(runs);
    for (int g = 0; g < groups.size(); g++) {
      for (int k = 0; k < groups.get(g).length; k++) {
        out[groups.get(g)[k]] = results.get(g).get(k);
      }
    }
    return Arrays.asList(out);
  }

  private static <T> List<T> await(List<Future<T>> runs) {
    List<T> out = new ArrayList<>(runs.size());
    try {
      for (Future<T> f : runs) out.add(f.get());
    } catch (InterruptedException e) {
      runs.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      runs.forEach(f -> f.cancel(true));
      throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e);
    }
    return out;
  }

  /** One run over texts of one length (no padding), one unit vector each. */
  private List<float[]> run(List<long[]> texts) throws OrtException {
    int n = texts.size();
    int length = texts.getFirst().length;
    long[] ids = new long[n * length];
    for (int i = 0; i < n; i++) System.arraycopy(texts.get(i), 0, ids, i * length, length);
    long[] shape = {n, length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          float[] v = new float[dimensions];
          int base = i * length * dimensions;
          int pieces = pooling == Pooling.CLS ? 1 : length;
          for (int t = 0; t < pieces; t++) {
            for (int d = 0; d < dimensions; d++) v[d] += hidden.get(base + t * dimensions + d);
          }
          out.add(Embedder.normalise(v)); // the mean's length is normalised away
        }
        return out;
      }
    } finally {
      for (OnnxTensor t : inputs.values()) t.close();
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // closing: the native memory goes with the process anyway
    }
    tokenizer.close();
  }
}
