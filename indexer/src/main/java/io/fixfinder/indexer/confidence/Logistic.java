package io.fixfinder.indexer.confidence;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logistic regression: {@code p = 1 / (1 + exp(-(bias + w . x)))}. Fit by Newton's method with a
 * small L2 penalty on the weights (not the bias), which keeps the fit finite when a feature
 * separates the examples (every gibberish query has no known word) and deterministic: the same
 * examples give the same weights.
 */
public record Logistic(double bias, double[] weights) {
  public Logistic {
    Objects.requireNonNull(weights, "weights");
    weights = weights.clone();
  }

  /** A labelled example: features and whether the result was relevant. */
  public record Example(double[] x, boolean relevant) {}

  public double probability(double[] x) {
    if (x.length != weights.length) {
      throw new IllegalArgumentException(
          "expected " + weights.length + " features, got " + x.length);
    }
    double z = bias;
    for (int i = 0; i < x.length; i++) z += weights[i] * x[i];
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The fit of {@code examples} with penalty {@code lambda} (per example) on the weights; each
   * example weighs {@code weightOf} its own index (callers balance sets of different sizes).
   */
  public static Logistic fit(List<Example> examples, double[] exampleWeights, double lambda) {
    if (examples.isEmpty()) throw new IllegalArgumentException("no examples");
    int d = examples.get(0).x().length + 1; // index 0: bias
    double[] beta = new double[d];
    double total = Arrays.stream(exampleWeights).sum();
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int n = 0; n < examples.size(); n++) {
        Example e = examples.get(n);
        double[] x = withBias(e.x());
        double z = 0;
        for (int i = 0; i < d; i++) z += beta[i] * x[i];
        double p = 1 / (1 + Math.exp(-z));
        double w = exampleWeights[n] / total;
        double r = (e.relevant() ? 1 : 0) - p;
        double s = Math.max(p * (1 - p), 1e-9);
        for (int i = 0; i < d; i++) {
          grad[i] += w * r * x[i];
          for (int j = 0; j < d; j++) hess[i][j] += w * s * x[i] * x[j];
        }
      }
      for (int i = 1; i < d; i++) {
        grad[i] -= lambda * beta[i];
        hess[i][i] += lambda;
      }
      hess[0][0] += 1e-9;
      double[] step = solve(hess, grad);
      double change = 0;
      for (int i = 0; i < d; i++) {
        beta[i] += step[i];
        change = Math.max(change, Math.abs(step[i]));
      }
      if (change < 1e-8) break;
    }
    return new Logistic(beta[0], Arrays.copyOfRange(beta, 1, d));
  }

  private static double[] withBias(double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = 1;
    System.arraycopy(x, 0, out, 1, x.length);
    return out;
  }

  /** Gaussian elimination with partial pivoting (the system is small and positive definite). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) m[i] = Arrays.copyOf(a[i], n + 1);
    for (int i = 0; i < n; i++) m[i][n] = b[i];
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-15) continue;
      for (int r = 0; r < n; r++) {
        if (r == c) continue;
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-15 ? 0 : m[i][n] / m[i][i];
    return x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Logistic l && l.bias == bias && Arrays.equals(l.weights, weights);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(bias) * 31 + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Logistic[bias=" + bias + ", weights=" + Arrays.toString(weights) + "]";
  }
}
