package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A helper as the matcher sees them: public profile facts only (no contact channel ever reaches the
 * matcher, so none can leak into a match).
 *
 * @param id the directory's stable id of the helper
 * @param languages ISO 639-1 codes (normalised by {@link Languages#code})
 * @param remote whether they help by video call or phone, beyond their town
 * @param zone the IANA zone their {@code hours} are in
 * @param paused a paused helper is never matched
 */
public record Candidate(
    String id,
    String displayName,
    Set<Skill> skills,
    Set<String> languages,
    Location location,
    boolean remote,
    ZoneId zone,
    WeeklyHours hours,
    boolean paused,
    Reputation reputation) {

  public Candidate {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("empty helper id");
    displayName = Objects.requireNonNull(displayName, "displayName").strip();
    if (displayName.isEmpty()) throw new IllegalArgumentException("empty display name");
    skills = Set.copyOf(skills);
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    for (String l : languages) codes.add(Languages.code(l));
    languages = Set.copyOf(codes);
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(reputation, "reputation");
  }
}
