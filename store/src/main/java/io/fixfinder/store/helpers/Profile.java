package io.fixfinder.store.helpers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a helper tells about themselves, whole: the editor reads one and writes one back. Contains
 * no contact detail, so it may be shown publicly. An empty string is "not given" (country, city,
 * bio, weekly hours).
 *
 * @param languages ISO 639-1 codes, lower case ({@code en}, {@code de})
 * @param country ISO 3166-1 alpha-2, upper case ({@code DE})
 * @param timeZone an IANA zone id ({@code Europe/Berlin})
 * @param weeklyHours availability as canonical text ({@code mon 18:00-22:00, sat 09:00-13:00}),
 *     kept verbatim; its grammar belongs to the matcher
 * @param paused the helper takes no new requests for now
 */
public record Profile(
    String displayName,
    String bio,
    List<String> languages,
    String country,
    String city,
    Optional<Coordinates> coordinates,
    boolean remote,
    String timeZone,
    String weeklyHours,
    boolean paused,
    List<Skill> skills) {
  public Profile {
    Objects.requireNonNull(displayName, "displayName");
    bio = Objects.requireNonNullElse(bio, "");
    languages = List.copyOf(Objects.requireNonNullElse(languages, List.of()));
    country = Objects.requireNonNullElse(country, "");
    city = Objects.requireNonNullElse(city, "");
    coordinates = Objects.requireNonNullElse(coordinates, Optional.empty());
    timeZone = Objects.requireNonNullElse(timeZone, "UTC");
    weeklyHours = Objects.requireNonNullElse(weeklyHours, "");
    skills = List.copyOf(Objects.requireNonNullElse(skills, List.of()));
  }

  /** The same profile with other weekly hours. */
  public Profile withWeeklyHours(String hours) {
    return new Profile(
        displayName,
        bio,
        languages,
        country,
        city,
        coordinates,
        remote,
        timeZone,
        hours,
        paused,
        skills);
  }

  /** The same profile with other skills. */
  public Profile withSkills(List<Skill> newSkills) {
    return new Profile(
        displayName,
        bio,
        languages,
        country,
        city,
        coordinates,
        remote,
        timeZone,
        weeklyHours,
        paused,
        newSkills);
  }
}
