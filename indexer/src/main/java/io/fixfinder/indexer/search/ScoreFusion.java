package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges the bm25 and dense candidate lists of hybrid retrieval, each already ranked with the
 * prior. RRF: each list gives 1 / (rrfK + rank), records of equal score sharing the better rank.
 * Linear: each list's scores are normalised ({@link Norm}), weighted {@code w} for bm25 and 1 - w
 * for dense, and summed.
 *
 * <p>Which records a list is normalised over decides what a lone or uniform list means. A {@link
 * RankedList#complete() complete} list (every record scoring in it is in it) is normalised over all
 * the candidates, those absent from it at their known score 0: one BM25 hit among a hundred dense
 * neighbours stands far above them, as an exact lookup should. A list cut short is normalised over
 * its own records, an absent record getting nothing from it (for z-score: the average). A list in
 * which every record counted scores the same, or an empty one, tells records apart nowhere and adds
 * nothing. Ties of the sum go to the better bm25 rank, then the lower doc id.
 */
final class ScoreFusion {
  private ScoreFusion() {}

  static ScoreDoc[] fuse(
      RankedList words, RankedList meaning, Fusion fusion, float w, Norm norm, int rrfK) {
    Map<Integer, Float> score = new LinkedHashMap<>();
    Map<Integer, Integer> wordRank = new HashMap<>();
    for (int i = 0; i < words.docs().length; i++) wordRank.put(words.docs()[i].doc, i);
    for (ScoreDoc d : words.docs()) score.put(d.doc, 0f);
    for (ScoreDoc d : meaning.docs()) score.put(d.doc, 0f);
    switch (fusion) {
      case RRF -> {
        addReciprocalRanks(score, words.docs(), rrfK);
        addReciprocalRanks(score, meaning.docs(), rrfK);
      }
      case LINEAR -> {
        addNormalised(score, words, w, norm);
        addNormalised(score, meaning, 1 - w, norm);
      }
      case LEARNED ->
          throw new IllegalArgumentException("learned fusion needs the query: see LearnedFusion");
    }
    List<ScoreDoc> out = new ArrayList<>(score.size());
    score.forEach((doc, s) -> out.add(new ScoreDoc(doc, s)));
    out.sort(
        Comparator.comparingDouble((ScoreDoc d) -> -d.score)
            .thenComparingInt(d -> wordRank.getOrDefault(d.doc, Integer.MAX_VALUE))
            .thenComparingInt(d -> d.doc));
    return out.toArray(ScoreDoc[]::new);
  }

  /** 1 / (k + rank) per record, records of equal score sharing the rank of the first of them. */
  private static void addReciprocalRanks(Map<Integer, Float> score, ScoreDoc[] list, int k) {
    int rank = 0;
    for (int i = 0; i < list.length; i++) {
      if (i == 0 || list[i].score != list[i - 1].score) rank = i + 1;
      score.merge(list[i].doc, 1f / (k + rank), Float::sum);
    }
  }

  /**
   * Adds {@code weight} × the normalised score of every record the list speaks for: its own, and
   * when it is complete every other candidate of {@code score} at raw score 0.
   */
  private static void addNormalised(
      Map<Integer, Float> score, RankedList list, float weight, Norm norm) {
    Map<Integer, Integer> index = new HashMap<>();
    for (Integer doc : score.keySet()) index.put(doc, index.size());
    Float[] v = normalised(list, index, norm);
    int i = 0;
    for (Map.Entry<Integer, Float> e : score.entrySet()) {
      Float x = v[i++];
      if (x != null) e.setValue(e.getValue() + weight * x);
    }
  }

  /**
   * The z-score of every candidate ({@code index}: doc to position) in {@code list}, 0 where the
   * list says nothing of it (cut short and without it, or empty, or uniform).
   */
  static float[] zScores(RankedList list, Map<Integer, Integer> index) {
    Float[] v = normalised(list, index, Norm.ZSCORE);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] == null ? 0f : v[i];
    return out;
  }

  /**
   * The normalised score of each candidate ({@code index}: doc to position), null where the list
   * speaks not of it: every value null for an empty or uniform list, and for a cut list the records
   * absent from it. A complete list speaks of every candidate, the absent at raw score 0.
   */
  private static Float[] normalised(RankedList list, Map<Integer, Integer> index, Norm norm) {
    Float[] out = new Float[index.size()];
    ScoreDoc[] docs = list.docs();
    int n = list.complete() ? index.size() : docs.length;
    int absent = n - docs.length;
    float max = absent > 0 ? 0f : Float.NEGATIVE_INFINITY;
    float min = absent > 0 ? 0f : Float.POSITIVE_INFINITY;
    double sum = 0;
    double sq = 0;
    for (ScoreDoc d : docs) {
      max = Math.max(max, d.score);
      min = Math.min(min, d.score);
      sum += d.score;
      sq += (double) d.score * d.score;
    }
    if (n == 0 || !(max > min))
      return out; // empty, or every record scores the same: no information
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
    if (norm == Norm.ZSCORE && !(sd > 0)) return out;
    if (norm == Norm.MAX && !(max > 0)) return out;
    Map<Integer, Float> raw = new HashMap<>();
    for (ScoreDoc d : docs) raw.put(d.doc, d.score);
    for (Map.Entry<Integer, Integer> e : index.entrySet()) {
      Float s = raw.get(e.getKey());
      if (s == null && !list.complete()) continue;
      float x = s == null ? 0f : s;
      out[e.getValue()] =
          switch (norm) {
            case MINMAX -> (x - min) / (max - min);
            case MAX -> x / max;
            case ZSCORE -> (float) ((x - mean) / sd);
          };
    }
    return out;
  }

  /**
   * The bm25 weight of linear fusion for this query. A query naming a model or an error code is a
   * lookup: words decide ({@code bm25WeightKeyed}). Otherwise the weight follows how decisive the
   * bm25 list is: gap = 1 - (score at rank {@code gapRank}) / (top score); a gap at or above {@code
   * flatGap} gives the keyed weight, a flat list (everything matches about equally, as a fault
   * described in everyday words) slides linearly down to {@code bm25WeightPlain}. A list shorter
   * than {@code gapRank} is decisive: the words single out those few records.
   */
  static float bm25Weight(Tuning tuning, boolean keyed, ScoreDoc[] words) {
    if (keyed) return tuning.bm25WeightKeyed();
    float gap = 0;
    if (words.length > 0 && words[0].score > 0) {
      gap =
          words.length > tuning.gapRank()
              ? 1 - words[tuning.gapRank() - 1].score / words[0].score
              : 1;
    }
    float t = Math.min(1f, gap / tuning.flatGap());
    return tuning.bm25WeightPlain() + (tuning.bm25WeightKeyed() - tuning.bm25WeightPlain()) * t;
  }
}
