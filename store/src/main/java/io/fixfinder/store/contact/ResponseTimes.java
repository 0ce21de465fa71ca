package io.fixfinder.store.contact;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Response times kept as a histogram of minutes, so that a median survives the requests it came
 * from. Bucket {@code i} counts responses of at most {@code UPPER_MINUTES[i]} minutes (and more
 * than the bucket before); the last bucket holds everything longer. The median is reported as the
 * upper bound of the bucket it falls in: coarse, but stable and never flattering.
 */
public final class ResponseTimes {
  /** Upper bounds of the buckets in minutes: 5 min up to two weeks. */
  static final long[] UPPER_MINUTES = {
    5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080, 20160
  };

  private ResponseTimes() {}

  /** The bucket of a response time (negative times, from a clock step, count as instant). */
  static int bucketOf(Duration d) {
    long minutes = Math.max(0, (d.toSeconds() + 59) / 60);
    for (int i = 0; i < UPPER_MINUTES.length; i++) if (minutes <= UPPER_MINUTES[i]) return i;
    return UPPER_MINUTES.length - 1;
  }

  /** The median's bucket bound for counts per bucket; empty when all are zero. */
  static OptionalLong median(long[] counts) {
    long total = 0;
    for (long c : counts) total += c;
    if (total == 0) return OptionalLong.empty();
    long half = (total + 1) / 2; // the lower median: with two answers, the faster one
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= half) return OptionalLong.of(UPPER_MINUTES[i]);
    }
    return OptionalLong.of(UPPER_MINUTES[UPPER_MINUTES.length - 1]);
  }
}
