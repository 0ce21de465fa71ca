package io.fixfinder.core.helpers.match;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One ranked helper.
 *
 * @param score higher is better; comparable within one query only
 * @param distanceKm from the customer's point, when both points are known
 * @param reasons most important first
 */
public record Match(
    String helperId,
    String displayName,
    double score,
    boolean availableNow,
    OptionalDouble distanceKm,
    List<Reason> reasons) {
  public Match {
    Objects.requireNonNull(helperId, "helperId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(distanceKm, "distanceKm");
    reasons = List.copyOf(reasons);
  }
}
