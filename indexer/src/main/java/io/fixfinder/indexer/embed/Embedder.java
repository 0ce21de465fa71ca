package io.fixfinder.indexer.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose dot product is their cosine similarity.
 * Implementations are thread-safe and deterministic: the same text gives the same vector.
 */
public interface Embedder {
  /** The vector length. */
  int dimensions();

  /**
   * Names the model and its input handling. Stored vectors are reused only when this id and the
   * text are unchanged, so a different model never mixes its vectors with another's.
   */
  default String id() {
    return getClass().getName() + "/" + dimensions();
  }

  /** One unit vector per text, in order. Batching many texts in one call is much faster. */
  List<float[]> embed(List<String> texts);

  default float[] embed(String text) {
    return embed(List.of(text)).getFirst();
  }

  /** Dot product of two unit vectors: their cosine similarity, in [-1, 1]. */
  static float cosine(float[] a, float[] b) {
    if (a.length != b.length)
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
    float dot = 0;
    for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
    return dot;
  }

  /** Scales {@code v} to unit length in place (a zero vector stays zero) and returns it. */
  static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    if (norm == 0) return v;
    float inv = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) v[i] *= inv;
    return v;
  }
}
