package io.fixfinder.indexer.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Competition ranks ("1, 2, 2, 4"): rows with equal keys share a rank and the next rank skips as
 * many places as shared it. Only qualifying rows are ranked; the others get 0 (unranked). Keys are
 * compared after rounding to {@link #PRECISION}, so two bounds that differ only in floating-point
 * noise tie, as a reader of the rounded figures would expect.
 */
final class Ranking {
  /** Keys closer than this are equal: far below the 0.1% the page shows. */
  static final double PRECISION = 1e-9;

  private Ranking() {}

  /**
   * The rank of each row, 0 for a row that does not qualify.
   *
   * @param keys the value ranked on, one per row
   * @param qualifies whether each row may be ranked at all
   * @param higherIsBetter whether the largest key ranks first
   */
  static int[] ranks(double[] keys, boolean[] qualifies, boolean higherIsBetter) {
    if (keys.length != qualifies.length) {
      throw new IllegalArgumentException(
          keys.length + " keys but " + qualifies.length + " qualifying flags");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (qualifies[i]) {
        if (Double.isNaN(keys[i])) throw new IllegalArgumentException("key " + i + " is NaN");
        order.add(i);
      }
    }
    Comparator<Integer> byKey = Comparator.comparingDouble(i -> rounded(keys[i]));
    order.sort(higherIsBetter ? byKey.reversed() : byKey);
    int[] ranks = new int[keys.length];
    for (int place = 0; place < order.size(); place++) {
      int row = order.get(place);
      boolean tiesPrevious = place > 0 && rounded(keys[order.get(place - 1)]) == rounded(keys[row]);
      ranks[row] = tiesPrevious ? ranks[order.get(place - 1)] : place + 1;
    }
    return ranks;
  }

  private static double rounded(double key) {
    return Math.rint(key / PRECISION) * PRECISION;
  }
}
