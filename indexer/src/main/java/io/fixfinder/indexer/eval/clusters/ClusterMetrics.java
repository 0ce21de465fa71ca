package io.fixfinder.indexer.eval.clusters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement of a clustering with human labels, both given as one key per document: normalised
 * mutual information (arithmetic-mean normalisation, as scikit-learn's default), adjusted Rand
 * index, and B-cubed precision, recall and F1 (Bagga and Baldwin, averaged over documents).
 */
public record ClusterMetrics(
    double nmi,
    double ari,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    int clusters) {

  public static ClusterMetrics of(List<String> truth, List<String> predicted) {
    if (truth.size() != predicted.size())
      throw new IllegalArgumentException(
          "truth has " + truth.size() + " documents, prediction " + predicted.size());
    int n = truth.size();
    if (n == 0) return new ClusterMetrics(1, 1, 1, 1, 1, 0);
    Map<String, Integer> t = new HashMap<>();
    Map<String, Integer> p = new HashMap<>();
    Map<String, Integer> cell = new HashMap<>();
    for (int i = 0; i < n; i++) {
      t.merge(truth.get(i), 1, Integer::sum);
      p.merge(predicted.get(i), 1, Integer::sum);
      cell.merge(truth.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
    }
    double ht = entropy(t.values(), n);
    double hp = entropy(p.values(), n);
    double mi = 0;
    double precision = 0;
    double recall = 0;
    double sumCells = 0;
    for (Map.Entry<String, Integer> e : cell.entrySet()) {
      String[] k = e.getKey().split("\u0000", -1);
      double nij = e.getValue();
      double ni = t.get(k[0]);
      double nj = p.get(k[1]);
      mi += nij / n * Math.log(n * nij / (ni * nj));
      precision += nij * nij / nj;
      recall += nij * nij / ni;
      sumCells += nij * (nij - 1) / 2;
    }
    double nmi = ht + hp == 0 ? 1 : Math.max(0, mi) / ((ht + hp) / 2);
    double sumT = 0;
    for (int v : t.values()) sumT += v * (v - 1.0) / 2;
    double sumP = 0;
    for (int v : p.values()) sumP += v * (v - 1.0) / 2;
    double pairs = n * (n - 1.0) / 2;
    double expected = pairs == 0 ? 0 : sumT * sumP / pairs;
    double max = (sumT + sumP) / 2;
    double ari = max == expected ? 1 : (sumCells - expected) / (max - expected);
    precision /= n;
    recall /= n;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClusterMetrics(nmi, ari, precision, recall, f1, p.size());
  }

  private static double entropy(Iterable<Integer> counts, int n) {
    double h = 0;
    for (int c : counts) {
      double q = c / (double) n;
      h -= q * Math.log(q);
    }
    return h;
  }
}
