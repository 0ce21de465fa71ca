package io.fixfinder.indexer.confidence;

import java.util.List;

/**
 * The probability that a result is relevant to its query ({@link #MODEL}, per result), and whether
 * a search answered its query at all ({@link #ANSWER_MODEL}, per search, from its first {@value
 * #TOP} results). When a search is not answered the honest reply is "no good match" (what the query
 * was understood to ask, and what to try next) rather than a confident list of guesses.
 *
 * <p>Both models are fit by {@code ConfidenceTuning} (indexer tests) on the top-10 results of the
 * five development sets' judged queries and of generated unanswerable queries ({@code
 * io.fixfinder.indexer.eval.search.Unanswerable}), once per retrieval mode ({@link #HYBRID} on
 * hybrid searches, {@link #WORDS} on bm25 searches); the threshold is the one that loses least
 * nDCG@10 while confident answers to unanswerable queries stay at or under 3% on the sets it was
 * chosen on. Held-out figures (leave-one-set-out) are in {@code docs/relevance.md}, "Knowing what
 * we don't know".
 */
public final class Confidence {
  private Confidence() {}

  /** How many of the first results decide whether a search is answered. */
  public static final int TOP = 10;

  /**
   * The shipped model (features of {@link Evidence#NAMES}). Refit and print: {@code ./mvnw -o -B -q
   * -pl indexer -am test -Dtest=ConfidenceTuning -Dsurefire.failIfNoSpecifiedTests=false
   * -Dfixfinder.devsets=/tmp/devsets}.
   */
  public static final Logistic MODEL =
      new Logistic(
          -6.9123,
          new double[] {
            2.3644, 2.1276, 0.8047, 0.9222, 1.8145, 0.6943, -0.8560, 0.4859, 0.0000, 0.3699,
            -0.8689, -0.9107, 0.4020, -0.9354, 1.2284, 0.9155
          });

  /**
   * Whether a search's results answer it, from {@link #QUERY_FEATURES}: fit on the development
   * sets' judged queries (weighted by the nDCG@10 their results reach, so that a query the index
   * answers well counts most and one it answers with nothing relevant counts not at all) against
   * the generated unanswerable queries.
   */
  public static final Logistic ANSWER_MODEL =
      new Logistic(
          -6.5841,
          new double[] {
            4.1500, 4.7214, 2.8722, -2.5103, 1.1678, 2.1320, 0.0000, -1.3083, 0.6327, 1.6384,
            0.7455, -0.3303
          });

  /** The least probability of {@link #ANSWER_MODEL} for a search to count as answered. */
  public static final double ANSWER_THRESHOLD = 0.323;

  /** The models and threshold of searches with a dense side (hybrid and dense). */
  public static final Calibration HYBRID = new Calibration(MODEL, ANSWER_MODEL, ANSWER_THRESHOLD);

  /**
   * The models and threshold of searches on words alone (bm25 mode, or no embedding model): fit
   * separately, on bm25 searches of the same queries, because without the dense scores the hybrid
   * models read gibberish that happens to match a word as answered.
   */
  public static final Calibration WORDS =
      new Calibration(
          new Logistic(
              -6.0040,
              new double[] {
                0.0000, 0.0000, 0.1413, 1.2007, 2.0598, 0.7843, -0.5645, 0.3725, 0.0000, 0.6040,
                -1.1517, -0.4937, 1.1339, -0.8905, 2.3469, 0.7215
              }),
          new Logistic(
              -6.4062,
              new double[] {
                2.7282, 0.1496, 4.0008, -2.3959, 1.3453, 2.4392, 0.0000, -1.2693, 0.9215, 2.1673,
                2.2149, -0.2934
              }),
          0.577);

  /** A per-result model, a per-search model over {@link #QUERY_FEATURES}, and its threshold. */
  public record Calibration(Logistic model, Logistic answerModel, double threshold) {
    public double probability(Evidence e) {
      return model.probability(e.features());
    }

    /** {@link Confidence#queryFeatures} with this calibration's best result probability. */
    public double[] queryFeatures(List<Evidence> top) {
      double[] f = Confidence.queryFeatures(top);
      double maxP = 0;
      for (int i = 0; i < Math.min(TOP, top.size()); i++) {
        maxP = Math.max(maxP, probability(top.get(i)));
      }
      if (f.length > 0) f[0] = maxP;
      return f;
    }

    /** Whether the first results {@code top} answer their query. */
    public boolean answers(List<Evidence> top) {
      return !top.isEmpty() && answerModel.probability(queryFeatures(top)) >= threshold;
    }
  }

  /** The calibration of a search that had a dense side ({@code dense}) or ran on words alone. */
  public static Calibration of(boolean dense) {
    return dense ? HYBRID : WORDS;
  }

  /**
   * Stand-ins for the dense scores when a search ran on words alone (no query embedding): constants
   * that {@link #WORDS}, fit on such searches, folds into its bias.
   */
  public static final double NEUTRAL_COS = 0.5;

  public static final double NEUTRAL_COS_TOP = 0.6;

  /**
   * Features of a whole search for {@link #ANSWER_MODEL}: the best probability among its first
   * {@value #TOP} results, how close the index comes at all (best dense score), the share of known
   * words, whether the named type is absent, whether the query is a lookup, the best type, code and
   * symptom agreement and coverage among those results, whether it names anything, how many of its
   * nearest records share one product type ({@link Evidence#focus}), and whether an absent type is
   * one the index's text mentions ({@link Evidence#typeMentioned}).
   */
  public static final List<String> QUERY_FEATURES =
      List.of(
          "maxP",
          "cosTop",
          "known",
          "typeAbsent",
          "keyed",
          "maxType",
          "maxCode",
          "maxSymptom",
          "maxCoverage",
          "named",
          "focus",
          "typeMentioned");

  /** The query-level features of a search whose first results have {@code top} evidence. */
  public static double[] queryFeatures(List<Evidence> top) {
    double maxP = 0, cosTop = 0, known = 0, absent = 0, keyed = 0;
    double maxType = -1, maxCode = -1, maxSymptom = -1, maxCoverage = 0, named = 0;
    double focus = 0, typeMentioned = 0;
    if (top.isEmpty()) return new double[QUERY_FEATURES.size()];
    for (int i = 0; i < Math.min(TOP, top.size()); i++) {
      Evidence e = top.get(i);
      maxP = Math.max(maxP, probability(e));
      maxType = Math.max(maxType, e.type());
      maxCode = Math.max(maxCode, e.code());
      maxSymptom = Math.max(maxSymptom, e.symptom());
      maxCoverage = Math.max(maxCoverage, e.coverage());
      cosTop = e.cosTop();
      known = e.known();
      absent = e.typeAbsent();
      keyed = e.keyed();
      named = e.named();
      focus = e.focus();
      typeMentioned = e.typeMentioned();
    }
    return new double[] {
      maxP,
      cosTop,
      known,
      absent,
      keyed,
      maxType,
      maxCode,
      maxSymptom,
      maxCoverage,
      named,
      focus,
      typeMentioned
    };
  }

  /**
   * Whether a search whose first results have {@code top} evidence answers its query: the
   * probability of {@link #ANSWER_MODEL} at least {@link #ANSWER_THRESHOLD}.
   */
  public static boolean answers(List<Evidence> top) {
    return HYBRID.answers(top);
  }

  /** The probability of {@link #MODEL} (hybrid) that a result is relevant. */
  public static double probability(Evidence e) {
    return HYBRID.probability(e);
  }

  /** Rounded for the wire: two decimals say all a probability of this kind can. */
  public static double rounded(double p) {
    return Math.round(p * 100) / 100.0;
  }
}
