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
 * A BERT sentence encoder (mean pooling over word pieces) run by ONNX Runtime, one text per run,
 * texts spread over a pool whose threads each run the network single-threaded.
 *
 * <p>Why not the packaged model's own {@code embedAll}: it tokenises each text three times, and
 * each of its pool threads asks ONNX Runtime for as many threads again as there are cores, so two
 * cores ran four busy threads. The vectors are the same (cosine 1 within rounding, {@code
 * BertEncoderTest}). Batching several texts per run was tried and dropped: padded batches change
 * the quantised network's activations (cosine 0.97-0.99 against the same text alone) and were no
 * faster on two cores.
 */
final class BertEncoder implements AutoCloseable {
  /**
   * Word pieces read per text, [CLS] and [SEP] included: the vocabulary file's own truncation,
   * which the packaged model applied too (some 500-600 characters of English).
   */
  static final int MAX_TOKENS = 128;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int dimensions;

  BertEncoder(String modelResource, String vocabularyResource, int dimensions) {
    this.dimensions = dimensions;
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
        return List.of(encode(texts.getFirst())); // a query: no hand-over to the pool
      } catch (OrtException e) {
        throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
      }
    }
    List<Future<float[]>> runs = new ArrayList<>(texts.size());
    for (String text : texts) runs.add(pool.submit(() -> encode(text)));
    List<float[]> out = new ArrayList<>(texts.size());
    try {
      for (Future<float[]> f : runs) out.add(f.get());
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

  private float[] encode(String text) throws OrtException {
    long[] ids = tokenizer.encode(text).getIds();
    long[] shape = {1, ids.length};
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
        float[] v = new float[dimensions];
        for (int t = 0; t < ids.length; t++) {
          for (int d = 0; d < dimensions; d++) v[d] += hidden.get(t * dimensions + d);
        }
        return Embedder.normalise(v); // the mean's length is normalised away
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
