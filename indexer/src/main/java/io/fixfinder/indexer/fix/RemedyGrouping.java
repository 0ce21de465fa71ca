package io.fixfinder.indexer.fix;

import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Groups remedies that say the same thing: average-link agglomerative clustering over how alike two
 * remedies are, merging while the two closest groups are at least {@code threshold} alike on
 * average. Average link keeps one long answer that mentions everything from chaining unrelated
 * remedies together, as single link would. Deterministic: ties merge the lowest indexes first.
 *
 * <p>How alike two remedies are: {@code embeddingWeight} times the cosine of their statements'
 * sentence embeddings (negative cosines count 0) plus the rest times a {@link Similarity} of their
 * content words. The embedding hears "unblocked" and "cleared a blockage" as one; the words keep
 * "replace the filter" and "clean the filter", which embeddings put close, apart. With weight 0 it
 * is the words alone and needs no vectors.
 *
 * <p>With {@code idf}, a term counts {@code ln(1 + n / df)}, its document frequency taken over the
 * remedies being grouped: words that most remedies of the issue share ("unplug", "drain", "water"
 * for a drain fault) say little about which fix a remedy is, the rarer ones ("impeller", "shaft")
 * say much.
 *
 * @param threshold chosen on a labelled tuning half (docs/relevance.md, "Fix grouping")
 * @param embeddingWeight the cosine's share of the similarity, in [0, 1]
 */
public record RemedyGrouping(
    Similarity similarity, double threshold, boolean idf, double embeddingWeight) {
  /**
   * The blend with the best pairwise F1 on the tuning (even) half of the labelled remedies; needs
   * statement vectors ({@link FixSummary#FixSummary(Embedder)}).
   */
  public static final RemedyGrouping DEFAULT =
      new RemedyGrouping(Similarity.JACCARD, 0.25, false, 0.3);

  /**
   * Words alone, the best on the same tuning half among word measures: the grouping when no
   * embedder is at hand.
   */
  public static final RemedyGrouping WORDS = new RemedyGrouping(Similarity.DICE, 0.20, false, 0);

  public RemedyGrouping(Similarity similarity, double threshold) {
    this(similarity, threshold, false, 0);
  }

  public RemedyGrouping(Similarity similarity, double threshold, boolean idf) {
    this(similarity, threshold, idf, 0);
  }

  public RemedyGrouping {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    if (!(embeddingWeight >= 0 && embeddingWeight <= 1)) {
      throw new IllegalArgumentException(
          "embeddingWeight must be in [0, 1], got " + embeddingWeight);
    }
  }

  /** Whether this grouping reads statement vectors ({@link #group(List, List)}). */
  public boolean usesVectors() {
    return embeddingWeight > 0;
  }

  /** This grouping's word part alone, for when no vectors can be had. */
  public RemedyGrouping withoutVectors() {
    return usesVectors() ? WORDS : this;
  }

  /**
   * Groups of indexes into {@code terms} by words alone, each group in ascending order, groups by
   * first index.
   *
   * @throws IllegalStateException when this grouping needs vectors
   */
  public List<List<Integer>> group(List<Set<String>> terms) {
    if (usesVectors())
      throw new IllegalStateException("this grouping blends in embeddings: pass vectors");
    return group(similarities(terms, null), threshold);
  }

  /**
   * Groups of indexes by the blend of words and vectors ({@code vectors.get(i)} is the unit vector
   * of remedy i's statement).
   */
  public List<List<Integer>> group(List<Set<String>> terms, List<float[]> vectors) {
    if (vectors.size() != terms.size())
      throw new IllegalArgumentException(
          "vectors and terms differ in number: " + vectors.size() + " vs " + terms.size());
    return group(similarities(terms, vectors), threshold);
  }

  private double[][] similarities(List<Set<String>> terms, List<float[]> vectors) {
    int n = terms.size();
    Map<String, Integer> df = new HashMap<>();
    for (Set<String> t : terms) for (String w : t) df.merge(w, 1, Integer::sum);
    ToDoubleFunction<String> weight =
        idf ? w -> Math.log(1 + n / (double) df.getOrDefault(w, 1)) : w -> 1.0;
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = similarity.of(terms.get(i), terms.get(j), weight);
        if (vectors != null && usesVectors()) {
          double cos = Math.max(0, Embedder.cosine(vectors.get(i), vectors.get(j)));
          s = embeddingWeight * cos + (1 - embeddingWeight) * s;
        }
        sim[i][j] = sim[j][i] = s;
      }
    }
    return sim;
  }

  /**
   * Average-link groups of a symmetric similarity matrix (any similarity: the evaluation also runs
   * it over sentence embeddings alone to compare).
   */
  public static List<List<Integer>> group(double[][] sim, double threshold) {
    int n = sim.length;
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) groups.add(new ArrayList<>(List.of(i)));
    while (groups.size() > 1) {
      int bestA = -1, bestB = -1;
      double best = -1;
      for (int a = 0; a < groups.size(); a++) {
        for (int b = a + 1; b < groups.size(); b++) {
          double s = average(sim, groups.get(a), groups.get(b));
          if (s > best) {
            best = s;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (best < threshold) break;
      groups.get(bestA).addAll(groups.remove(bestB));
      groups.get(bestA).sort(null);
    }
    return groups;
  }

  private static double average(double[][] sim, List<Integer> a, List<Integer> b) {
    double sum = 0;
    for (int i : a) for (int j : b) sum += sim[i][j];
    return sum / (a.size() * (double) b.size());
  }
}
