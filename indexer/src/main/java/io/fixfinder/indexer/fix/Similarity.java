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
    if (a.isEmpty() || b.isEmpty()) return 0;
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int shared = 0;
    for (String t : small) if (large.contains(t)) shared++;
    return switch (this) {
      case JACCARD -> shared / (double) (a.size() + b.size() - shared);
      case DICE -> 2.0 * shared / (a.size() + b.size());
      case COSINE -> shared / Math.sqrt((double) a.size() * b.size());
      case OVERLAP -> shared / (double) small.size();
    };
  }
}
