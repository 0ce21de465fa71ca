package io.fixfinder.indexer.fix;

import java.util.Set;

/** How alike two remedies' term sets are, from 0 (nothing shared) to 1. */
public enum Similarity {
  /** Shared terms over all terms. */
  JACCARD,
  /** Twice the shared terms over the sum of the sizes. */
  DICE,
  /** Shared terms over the geometric mean of the sizes (cosine of binary vectors). */
  COSINE,
  /** Shared terms over the smaller set: a short remedy inside a long answer counts as the same. */
  OVERLAP;

  public double of(Set<String> a, Set<String> b) {
    return of(a, b, t -> 1.0);
  }

  /**
   * The measure over weighted terms: each term counts its weight instead of 1 (weighted Jaccard,
   * Dice, cosine and overlap of binary vectors scaled by the weights).
   */
  public double of(
      Set<String> a, Set<String> b, java.util.function.ToDoubleFunction<String> weight) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    double wa = 0, wb = 0, shared = 0, wa2 = 0, wb2 = 0, shared2 = 0;
    for (String t : a) {
      double w = weight.applyAsDouble(t);
      wa += w;
      wa2 += w * w;
      if (b.contains(t)) {
        shared += w;
        shared2 += w * w;
      }
    }
    for (String t : b) {
      double w = weight.applyAsDouble(t);
      wb += w;
      wb2 += w * w;
    }
    if (wa == 0 || wb == 0) return 0;
    return switch (this) {
      case JACCARD -> shared / (wa + wb - shared);
      case DICE -> 2 * shared / (wa + wb);
      case COSINE -> shared2 / Math.sqrt(wa2 * wb2);
      case OVERLAP -> shared / Math.min(wa, wb);
    };
  }
}
