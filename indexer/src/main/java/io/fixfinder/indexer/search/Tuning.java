package io.fixfinder.indexer.search;

/**
 * Every ranking constant in one value, so evaluation can compare settings on one index. {@link
 * #DEFAULT} holds the values chosen on the development sets (docs/relevance.md).
 *
 * @param keyExponent key boosts are scaled by (share of the query the keys explain)^this
 * @param bm25WeightKeyed linear fusion weight of bm25 when the query names a model or code
 * @param bm25WeightPlain bm25 weight for other queries when the bm25 list is flat
 * @param flatGap bm25 list "gap" (1 - score at rank {@code gapRank} / top score) at or above which
 *     a plain query is treated as keyed: below it the weight slides down to {@code bm25WeightPlain}
 * @param gapRank the rank whose score the gap compares with the top score
 * @param norm normalisation of each list for linear fusion
 * @param rrfK reciprocal rank fusion constant
 * @param denseK nearest neighbours taken before fusion
 * @param priorExponent the bm25 score is multiplied by prior^this (1: the prior as it is)
 */
public record Tuning(
    float keyExponent,
    float bm25WeightKeyed,
    float bm25WeightPlain,
    float flatGap,
    int gapRank,
    Norm norm,
    int rrfK,
    int denseK,
    float priorExponent) {
  /**
   * Key boosts are multiplied by (share of the query's words the keys explain)^{@value}: in full
   * for a model-number or "symptom + model" search, almost nothing for a long description that
   * happens to name a model (there, every record of that model would otherwise outrank the fault).
   */
  public static final float KEY_EXPONENT = 3f;

  /**
   * Linear fusion: weight of the normalised bm25 score when the query names a model or code, or its
   * bm25 list is not flat; the dense score gets the rest. Tuned on the development sets (see
   * docs/relevance.md).
   */
  public static final float LINEAR_BM25_WEIGHT = 0.75f;

  /** Reciprocal rank fusion constant: a record at rank r in a list earns 1 / (RRF_K + r). */
  public static final int RRF_K = 60;

  /**
   * The bm25 score is multiplied by √prior, not the prior: at full strength a record's quality (a
   * reported fix counts ×1.25) reordered records the words matched about equally, and put bm25
   * below plain Lucene on ords and paraphrase. Chosen among 0, 0.25, 0.5, 0.75 and 1 on the five
   * development sets (docs/relevance.md, "What was tuned"): 0.5 is never below 1 on any of them and
   * keeps the prior as a tie-breaker. The dense side is unchanged.
   */
  public static final float PRIOR_EXPONENT = 0.5f;

  public static final Tuning DEFAULT =
      new Tuning(
          KEY_EXPONENT,
          LINEAR_BM25_WEIGHT,
          0.4f,
          0.7f,
          10,
          Norm.ZSCORE,
          RRF_K,
          Searcher.CANDIDATES,
          PRIOR_EXPONENT);

  public Tuning {
    java.util.Objects.requireNonNull(norm, "norm");
    if (gapRank < 1) throw new IllegalArgumentException("gapRank must be >= 1, got " + gapRank);
    if (denseK < 1) throw new IllegalArgumentException("denseK must be >= 1, got " + denseK);
  }
}
