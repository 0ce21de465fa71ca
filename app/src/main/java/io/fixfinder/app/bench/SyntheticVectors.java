package io.fixfinder.app.bench;

import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stand-in record vectors for a million records, which the real model would take hours to embed on
 * two cores: the idf-weighted mean of real model embeddings of the text's words, plus a little
 * noise. Records of the same product and fault land near each other and near the real embedding of
 * a query about them, so the HNSW graph and the query's walk through it look like the real ones
 * (clustered, not uniform), at a few microseconds a record. Words outside the vocabulary (the
 * synthetic model names and filler) get a fixed random direction of their own, as rare words do.
 */
final class SyntheticVectors implements Embedder {
  private static final float UNKNOWN_WEIGHT = 0.35f;
  private static final float NOISE = 0.15f;

  private final int dimensions;
  private final Map<String, float[]> words;
  private final Map<String, Float> idf;

  private SyntheticVectors(int dimensions, Map<String, float[]> words, Map<String, Float> idf) {
    this.dimensions = dimensions;
    this.words = words;
    this.idf = idf;
  }

  /**
   * Embeds the {@code vocabulary} most frequent words of {@code sample} (texts like the records)
   * with the real {@code model} and weighs each by its inverse document frequency in the sample.
   */
  static SyntheticVectors learn(Embedder model, List<String> sample, int vocabulary) {
    Map<String, Integer> df = new HashMap<>();
    for (String text : sample)
      for (String w : new HashSet<>(tokens(text))) df.merge(w, 1, Integer::sum);
    List<String> top =
        df.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .limit(vocabulary)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<float[]> vectors = model.embed(top);
    Map<String, float[]> words = new HashMap<>();
    Map<String, Float> idf = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      words.put(top.get(i), vectors.get(i));
      idf.put(top.get(i), (float) Math.log((1.0 + sample.size()) / (1.0 + df.get(top.get(i)))));
    }
    return new SyntheticVectors(model.dimensions(), words, idf);
  }

  int vocabularySize() {
    return words.size();
  }

  @Override
  public String id() {
    return "synthetic-idf-mean-of-word-vectors/" + words.size() + "/" + dimensions;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) out.add(vector(t));
    return out;
  }

  private float[] vector(String text) {
    float[] v = new float[dimensions];
    Set<String> seen = new HashSet<>();
    for (String w : tokens(text)) {
      if (!seen.add(w)) continue;
      float[] known = words.get(w);
      if (known != null) {
        float weight = idf.get(w);
        for (int i = 0; i < dimensions; i++) v[i] += weight * known[i];
      } else {
        addRandom(v, w.hashCode(), UNKNOWN_WEIGHT);
      }
    }
    double norm = 0;
    for (float x : v) norm += x * x;
    // noise relative to the vector's length, fixed per text (the embedder is deterministic)
    addRandom(v, text.hashCode() * 31 + 7, (float) (NOISE * Math.sqrt(Math.max(norm, 1e-6))));
    return Embedder.normalise(v);
  }

  private void addRandom(float[] v, long seed, float length) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float scale = (float) (length / Math.sqrt(dimensions));
    for (int i = 0; i < dimensions; i++) v[i] += (float) (rnd.nextGaussian() * scale);
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (word && start < 0) start = i;
      else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
    }
    return out;
  }
}
