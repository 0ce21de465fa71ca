package io.fixfinder.indexer.confidence;

import java.util.List;

/**
 * The probability that a result is relevant to its query, and whether a search answered its query
 * at all. A search is answered when one of its first {@value #TOP} results has a probability of at
 * least {@link #ANSWER_THRESHOLD}; otherwise the honest reply is "no good match" (what the query
 * was understood to ask, and what to try next) rather than a confident list of guesses.
 *
 * <p>{@link #MODEL} is fit by {@code ConfidenceTuning} (indexer tests) on the judged hybrid top-10
 * results of the development sets and on generated unanswerable queries ({@code
 * io.fixfinder.indexer.eval.search.Unanswerable}); the threshold is the lowest that keeps confident
 * answers to unanswerable queries under 5% on the sets it was chosen on. Held-out figures
 * (leave-one-set-out) are in {@code docs/relevance.md}, "Knowing what we don't know".
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
          -3.0, new double[] {2.0, 2.0, 0.5, 0.5, 2.0, 1.0, 0.5, 0.5, 1.0, 0.5, -3.0, 0.5});

  /** The least probability of a top result for a search to count as answered. */
  public static final double ANSWER_THRESHOLD = 0.2;

  /**
   * Stand-ins for the dense scores when a search ran on words alone (no query embedding): the mean
   * of each over the results the model was fit on, so that the other evidence decides.
   */
  public static final double NEUTRAL_COS = 0.5;

  public static final double NEUTRAL_COS_TOP = 0.6;

  public static double probability(Evidence e) {
    return MODEL.probability(e.features());
  }

  /** Whether results whose probabilities in ranking order are {@code ranked} answer the query. */
  public static boolean answered(List<Double> ranked) {
    return answered(ranked, ANSWER_THRESHOLD);
  }

  public static boolean answered(List<Double> ranked, double threshold) {
    for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
      if (ranked.get(i) >= threshold) return true;
    }
    return false;
  }

  /** Rounded for the wire: two decimals say all a probability of this kind can. */
  public static double rounded(double p) {
    return Math.round(p * 100) / 100.0;
  }
}
