package io.fixfinder.indexer.leaderboard;

/**
 * A share with its Wilson score interval: {@code successes} of {@code n}, the point estimate {@code
 * value} and the interval's bounds at the confidence of {@link #Z95}. The Wilson interval stays
 * inside [0, 1] and keeps a sensible width at 0 or n successes and at small n, where the textbook
 * normal ("Wald") interval collapses to a point (Newcombe 1998, method 3).
 *
 * @param successes may be fractional: a "partly" vote counts as half a fix
 */
public record Proportion(double successes, long n, double value, double low, double high) {
  /** The standard normal quantile of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  public Proportion {
    if (n < 1) throw new IllegalArgumentException("a proportion needs n >= 1, got " + n);
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("successes must be 0-" + n + ", got " + successes);
    }
  }

  /** The share {@code successes / n} with its Wilson 95% interval; {@code n} must be at least 1. */
  public static Proportion wilson(double successes, long n) {
    return wilson(successes, n, Z95);
  }

  static Proportion wilson(double successes, long n, double z) {
    if (n < 1) throw new IllegalArgumentException("a proportion needs n >= 1, got " + n);
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // rounding can leave a bound a hair outside [0, 1] at p = 0 or 1
    return new Proportion(successes, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
