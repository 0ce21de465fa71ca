package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters of {@code GET /api/helpers?issue=&type=&brand=&near=&availableNow=}: each one given
 * must hold (a helper listed for {@code type=washing-machine} has that type among their skills);
 * the survivors are ranked like any match.
 *
 * @param near a point and a radius: helpers whose own point is within it
 */
public record HelperFilter(
    Optional<String> issue,
    Optional<String> type,
    Optional<String> brand,
    Optional<Near> near,
    boolean availableNow) {

  /** Default radius of {@code near} when none is given, in km. */
  public static final double DEFAULT_RADIUS_KM = 50;

  public record Near(GeoPoint point, double radiusKm) {
    public Near {
      Objects.requireNonNull(point, "point");
      if (!(radiusKm > 0 && radiusKm <= 20_000)) {
        throw new IllegalArgumentException("radius " + radiusKm + " km is not within 0..20000");
      }
    }
  }

  public HelperFilter {
    issue = issue.map(String::strip).filter(s -> !s.isEmpty());
    type = type.map(String::strip).filter(s -> !s.isEmpty());
    brand = brand.map(String::strip).filter(s -> !s.isEmpty());
    Objects.requireNonNull(near, "near");
  }

  public static final HelperFilter NONE =
      new HelperFilter(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

  /** The query that lists helpers for this filter. */
  public MatchQuery toQuery(List<String> languages, Instant now, int limit) {
    MatchQuery.Builder b = MatchQuery.builder(now).languages(languages).limit(limit);
    issue.ifPresent(
        i -> {
          b.issue(i);
          b.require(SkillKind.ISSUE);
        });
    b.product(type.orElse(""), brand.orElse(""), "");
    type.ifPresent(t -> b.require(SkillKind.TYPE));
    brand.ifPresent(x -> b.require(SkillKind.BRAND));
    near.ifPresent(n -> b.place(new Place.At(n.point())).withinKm(n.radiusKm()));
    return b.availableNowOnly(availableNow).build();
  }
}
