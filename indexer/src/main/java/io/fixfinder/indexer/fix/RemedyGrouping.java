package io.fixfinder.indexer.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups remedies that say the same thing: average-link agglomerative clustering over a {@link
 * Similarity} of their term sets, merging while the two closest groups are at least {@code
 * threshold} alike on average. Average link keeps one long answer that mentions everything from
 * chaining unrelated remedies together, as single link would. Deterministic: ties merge the lowest
 * indexes first.
 *
 * <p>With {@code idf}, a term counts {@code ln(1 + n / df)}, its document frequency taken over the
 * remedies being grouped: words that most remedies of the issue share ("unplug", "drain", "water"
 * for a drain fault) say little about which fix a remedy is, the rarer ones ("impeller", "shaft")
 * say much. The same reason product names and codes are dropped, measured from the remedies
 * themselves instead of listed.
 *
 * @param threshold chosen on a labelled tuning half (docs/relevance.md, "Fix grouping")
 */
public record RemedyGrouping(Similarity similarity, double threshold, boolean idf) {
  /** The setting with the best pairwise F1 on the tuning (even) half of the labelled remedies. */
  public static final RemedyGrouping DEFAULT = new RemedyGrouping(Similarity.DICE, 0.20, false);

  public RemedyGrouping(Similarity similarity, double threshold) {
    this(similarity, threshold, false);
  }

  public RemedyGrouping {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
  }

  /** Groups of indexes into {@code terms}, each group in ascending order, groups by first index. */
  public List<List<Integer>> group(List<Set<String>> terms) {
    int n = terms.size();
    java.util.Map<String, Integer> df = new java.util.HashMap<>();
    for (Set<String> t : terms) for (String w : t) df.merge(w, 1, Integer::sum);
    java.util.function.ToDoubleFunction<String> weight =
        idf ? w -> Math.log(1 + n / (double) df.getOrDefault(w, 1)) : w -> 1.0;
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++)
      for (int j = i + 1; j < n; j++)
        sim[i][j] = sim[j][i] = similarity.of(terms.get(i), terms.get(j), weight);
    return group(sim, threshold);
  }

  /**
   * Average-link groups of a symmetric similarity matrix (any similarity: the evaluation also runs
   * it over sentence embeddings to compare).
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
