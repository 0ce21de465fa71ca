package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;

/**
 * The one scoring formula both matchers use. Skill fit and language are strict tiers: one more
 * point of skill outweighs everything below it, and speaking the customer's language outweighs
 * distance, availability and reputation together. Those three are blended with falling weights, so
 * that a helper a few km farther who is free right now can come first, which a strict order would
 * forbid for any difference in distance.
 *
 * <p>Skill points are powers of two (issue 16, model 8, brand 4, type 2, area 1) summed over the
 * kinds a helper matches: knowing the very issue beats knowing model, brand, type and area
 * together, and a matched skill only ever adds.
 */
final class Scoring {
  private Scoring() {}

  static final double SKILL_UNIT = 100;
  static final double LANGUAGE = 60;
  static final double PROXIMITY_MAX = 20;
  static final double REMOTE = 8;
  static final double SAME_COUNTRY = 5;
  static final double AVAILABLE_NOW = 10;
  static final double REPUTATION = 10;

  /** A helper who does not help remotely is out of reach beyond this, in km. */
  static final double REACH_KM = 50;

  /** The bit of a skill kind in a match mask; the mask is also the skill points. */
  static int bit(SkillKind kind) {
    return switch (kind) {
      case ISSUE -> 16;
      case MODEL -> 8;
      case BRAND -> 4;
      case TYPE -> 2;
      case AREA -> 1;
    };
  }

  static double score(
      int skillMask, boolean speaks, double proximity, boolean availableNow, double reputation) {
    return skillMask * SKILL_UNIT
        + (speaks ? LANGUAGE : 0)
        + proximity
        + (availableNow ? AVAILABLE_NOW : 0)
        + REPUTATION * reputation;
  }

  /** 20 at the door, 10 at 10 km, 3.3 at 50 km. */
  static double local(double km) {
    return PROXIMITY_MAX / (1 + km / 10);
  }

  /**
   * The proximity part of the score, or NaN when the helper cannot help this customer (local only
   * and out of reach, or outside the {@code near} radius).
   *
   * @param lat helper's latitude, NaN without a point
   */
  static double proximity(
      Place place, double withinKm, boolean remote, String country, double lat, double lon) {
    double remoteScore = remote ? REMOTE : 0;
    return switch (place) {
      case Place.Anywhere a -> remoteScore;
      case Place.InCountry c ->
          c.country().equals(country)
              ? Math.max(SAME_COUNTRY, remoteScore)
              : remote ? REMOTE : Double.NaN;
      case Place.At at -> {
        if (Double.isNaN(lat)) yield Double.isNaN(withinKm) ? remoteScore : Double.NaN;
        double km = GeoPoint.distanceKm(at.point().lat(), at.point().lon(), lat, lon);
        if (!Double.isNaN(withinKm))
          yield km <= withinKm ? Math.max(local(km), remoteScore) : Double.NaN;
        if (km <= REACH_KM) yield Math.max(local(km), remoteScore);
        yield remote ? REMOTE : Double.NaN;
      }
    };
  }

  /**
   * Order of matches: score descending, then helper id, so equal scores rank the same every run.
   */
  static boolean better(double scoreA, String idA, double scoreB, String idB) {
    int c = Double.compare(scoreA, scoreB);
    return c > 0 || (c == 0 && idA.compareTo(idB) < 0);
  }
}
