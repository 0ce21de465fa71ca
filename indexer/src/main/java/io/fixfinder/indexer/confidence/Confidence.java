package io.fixfinder.indexer.confidence;

import java.util.List;

/**
 * The probability that a result is relevant to its query ({@link #MODEL}, per result), and whether
 * a search answered its query at all ({@link #ANSWER_MODEL}, per search, from its first {@value
 * #TOP} results). When a search is not answered the honest reply is "no good match" (what the query
 * was understood to ask, and what to try next) rather than a confident list of guesses.
 *
 * <p>Both models are fit by {@code ConfidenceTuning} (indexer tests) on the hybrid top-10 results
 * of the five development sets' judged queries and of generated unanswerable queries ({@code
 * io.fixfinder.indexer.eval.search.Unanswerable}); the threshold is the one that loses least
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
          -6.4296,
          new double[] {
            3.0022, 2.5635, 0.9143, 0.8317, 2.0189, -0.6519, -0.6289, 0.1608, 0.0700, 0.0544,
            -1.9157, -1.0407
          });

  /**
   * Whether a search's results answer it, from {@link #QUERY_FEATURES}: fit on the development
   * sets' judged queries (weighted by the nDCG@10 their results reach, so that a query the index
   * answers well counts most and one it answers with nothing relevant counts not at all) against
   * the generated unanswerable queries.
   */
  public static final Logistic ANSWER_MODEL =
      new Logistic(
          -5.5930, new double[] {4.9220, 4.9925, 3.6991, -2.3983, 2.0883, 0.2639, 0.0466, -1.0793});

  /** The least probability of {@link #ANSWER_MODEL} for a search to count as answered. */
  public static final double ANSWER_THRESHOLD = 0.594;

  /**
   * Stand-ins for the dense scores when a search ran on words alone (no query embedding): middling
   * values (not fit: the models were fit on hybrid searches only), so that the other evidence
   * decides.
   */
  public static final double NEUTRAL_COS = 0.5;

  public static final double NEUTRAL_COS_TOP = 0.6;

  /**
   * Features of a whole search for {@link #ANSWER_MODEL}: the best probability among its first
   * {@value #TOP} results, how close the index comes at all (best dense score), the share of known
   * words, whether the named type is absent, whether the query is a lookup, and the best type, code
   * and symptom agreement among those results.
   */
  public static final List<String> QUERY_FEATURES =
      List.of("maxP", "cosTop", "known", "typeAbsent", "keyed", "maxType", "maxCode", "maxSymptom");

  /** The query-level features of a search whose first results have {@code top} evidence. */
  public static double[] queryFeatures(List<Evidence> top) {
    double maxP = 0, cosTop = 0, known = 0, absent = 0, keyed = 0;
    double maxType = -1, maxCode = -1, maxSymptom = -1;
    if (top.isEmpty()) return new double[] {0, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < Math.min(TOP, top.size()); i++) {
      Evidence e = top.get(i);
      maxP = Math.max(maxP, probability(e));
      maxType = Math.max(maxType, e.type());
      maxCode = Math.max(maxCode, e.code());
      maxSymptom = Math.max(maxSymptom, e.symptom());
      cosTop = e.cosTop();
      known = e.known();
      absent = e.typeAbsent();
      keyed = e.keyed();
    }
    return new double[] {maxP, cosTop, known, absent, keyed, maxType, maxCode, maxSymptom};
  }

  /**
   * Whether a search whose first results have {@code top} evidence answers its query: the
   * probability of {@link #ANSWER_MODEL} at least {@link #ANSWER_THRESHOLD}.
   */
  public static boolean answers(List<Evidence> top) {
    return !top.isEmpty() && ANSWER_MODEL.probability(queryFeatures(top)) >= ANSWER_THRESHOLD;
  }

  public static double probability(Evidence e) {
    return MODEL.probability(e.features());
  }

  /** Rounded for the wire: two decimals say all a probability of this kind can. */
  public static double rounded(double p) {
    return Math.round(p * 100) / 100.0;
  }
}
