package io.fixfinder.store.contact;

import java.util.OptionalLong;

/**
 * A helper's contact record, from counts that outlive the requests: the reputation signal.
 *
 * @param received requests received
 * @param answered requests the helper accepted or declined
 * @param fixed closed by the customer as fixed
 * @param notFixed closed as not fixed
 * @param gaveUp closed as "gave up"
 * @param reports times the helper was reported
 * @param medianResponseMinutes median time to accept or decline, as the upper bound of its bucket
 *     ({@link ResponseTimes}); empty before the first answer
 */
public record HelperStats(
    String helperId,
    long received,
    long answered,
    long fixed,
    long notFixed,
    long gaveUp,
    long reports,
    OptionalLong medianResponseMinutes) {

  /** A helper nobody has contacted yet. */
  public static HelperStats none(String helperId) {
    return new HelperStats(helperId, 0, 0, 0, 0, 0, 0, OptionalLong.empty());
  }

  /** Share of received requests answered, 0 when none was received. */
  public double responseRate() {
    return received == 0 ? 0 : (double) answered / received;
  }

  /** Requests closed with an outcome. */
  public long closed() {
    return fixed + notFixed + gaveUp;
  }
}
