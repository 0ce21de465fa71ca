package io.fixfinder.core.trends;

/**
 * The exact upper tail of a binomial distribution, summed in log space (no overflow for large n).
 */
final class Binomial {
  private Binomial() {}

  /** P(X >= k) for X ~ Binomial(n, p). */
  static double upperTail(long n, double p, long k) {
    if (n < 0 || k < 0 || !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("n=" + n + " p=" + p + " k=" + k);
    }
    if (k == 0) return 1;
    if (k > n) return 0;
    if (p == 0) return 0;
    if (p == 1) return 1;
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    // log C(n, k) p^k q^(n-k), then each next term from the one before
    double log = logChoose(n, k) + k * logP + (n - k) * logQ;
    double max = log;
    double sum = 1; // terms relative to the first, so that small tails keep their precision
    double rel = 0;
    for (long i = k + 1; i <= n; i++) {
      rel += Math.log((double) (n - i + 1) / i) + logP - logQ;
      double term = Math.exp(rel);
      sum += term;
      if (term < 1e-17 * sum && i > n * p) break;
    }
    return Math.min(1, Math.exp(max) * sum);
  }

  static double logChoose(long n, long k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  private static double logFactorial(long n) {
    if (n < 2) return 0;
    if (n < 64) {
      double s = 0;
      for (long i = 2; i <= n; i++) s += Math.log(i);
      return s;
    }
    // Stirling's series; error below 1e-12 from n = 64
    double x = n;
    return x * Math.log(x)
        - x
        + 0.5 * Math.log(2 * Math.PI * x)
        + 1 / (12 * x)
        - 1 / (360 * x * x * x);
  }
}
