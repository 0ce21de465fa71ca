package io.fixfinder.core.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** The upper tail against exact rational arithmetic. */
class BinomialTest {
  /** P(X >= k) summed term by term in BigDecimal: slow, exact enough, independent. */
  static double exact(int n, BigDecimal p, int k) {
    MathContext mc = new MathContext(60);
    BigDecimal q = BigDecimal.ONE.subtract(p);
    BigDecimal sum = BigDecimal.ZERO;
    BigInteger choose = BigInteger.ONE;
    for (int i = 0; i <= n; i++) {
      if (i > 0)
        choose = choose.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
      if (i >= k)
        sum = sum.add(new BigDecimal(choose).multiply(p.pow(i, mc)).multiply(q.pow(n - i, mc)), mc);
    }
    return sum.doubleValue();
  }

  @Test
  void matchesExactArithmetic() {
    assertThat(Binomial.upperTail(10, 0.2, 3)).isCloseTo(0.3222004736, within(1e-12));
    int[][] cases = {
      {1, 1}, {5, 0}, {5, 5}, {40, 12}, {200, 40}, {200, 70}, {900, 250}, {900, 180}
    };
    for (int[] c : cases) {
      double want = exact(c[0], new BigDecimal("0.2"), c[1]);
      double got = Binomial.upperTail(c[0], 0.2, c[1]);
      assertThat(got).as("n=%d k=%d", c[0], c[1]).isCloseTo(want, within(1e-9 + want * 1e-7));
    }
  }

  @Test
  void edges() {
    assertThat(Binomial.upperTail(7, 0.3, 0)).isEqualTo(1);
    assertThat(Binomial.upperTail(7, 0.3, 8)).isZero();
    assertThat(Binomial.upperTail(7, 0, 1)).isZero();
    assertThat(Binomial.upperTail(7, 1, 7)).isEqualTo(1);
  }
}
