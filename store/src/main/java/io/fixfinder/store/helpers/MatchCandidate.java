package io.fixfinder.store.helpers;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A listable helper as the in-memory matcher needs them: no bio, no contact detail. Paused helpers
 * are included with {@code paused} set, so that the matcher decides (rank them last, or show them
 * as "away") and a pause does not look like a deletion.
 */
public record MatchCandidate(
    String id,
    String displayName,
    List<Skill> skills,
    List<String> languages,
    String country,
    String city,
    Optional<Coordinates> coordinates,
    boolean remote,
    ZoneId zone,
    String weeklyHours,
    boolean paused) {
  public MatchCandidate {
    skills = List.copyOf(skills);
    languages = List.copyOf(languages);
  }
}
