package io.fixfinder.indexer.eval.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rank metrics over one query's ranked ids and its graded judgements (id to grade; grade > 0 is
 * relevant). Definitions follow trec_eval as BEIR uses it: nDCG with linear gain (grade / log2(rank
 * + 1)), ideal ordering over all judged documents; recall over the relevant judged documents;
 * reciprocal rank of the first relevant document.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  public static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      int grade = Math.max(0, judged.getOrDefault(ranked.get(i), 0));
      if (grade > 0) dcg += grade / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>();
    for (int g : judged.values()) if (g > 0) ideal.add(g);
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += ideal.get(i) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  public static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) return 0;
    long found = ranked.stream().limit(k).filter(id -> judged.getOrDefault(id, 0) > 0).count();
    return (double) found / relevant;
  }

  public static double reciprocalRank(List<String> ranked, Map<String, Integer> judged, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) return 1.0 / (i + 1);
    }
    return 0;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
