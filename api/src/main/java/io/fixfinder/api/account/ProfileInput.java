package io.fixfinder.api.account;

import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.Profile;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Profile fields as people type them, to and from {@link Profile}: skills one per line as {@code
 * kind: value} ({@code type: washing-machine}), languages comma-separated, coordinates as two
 * optional numbers. Only the shape is checked here; what values are allowed is the store's rule.
 */
final class ProfileInput {
  private ProfileInput() {}

  /** The skill of {@code kind} (wire name) and {@code value}, or a field error at {@code field}. */
  static Optional<Skill> skill(String kind, String value, String field, List<FieldError> errors) {
    Optional<SkillKind> k = SkillKind.fromWire(kind.strip().toLowerCase(java.util.Locale.ROOT));
    if (k.isEmpty()) {
      errors.add(
          new FieldError(
              field,
              "a skill starts with its kind: one of "
                  + Arrays.stream(SkillKind.values())
                      .map(SkillKind::wire)
                      .collect(Collectors.joining(", "))));
      return Optional.empty();
    }
    return Optional.of(new Skill(k.get(), value.strip()));
  }

  /** Skills typed one per line as {@code kind: value}; blank lines are skipped. */
  static List<Skill> skills(String lines, List<FieldError> errors) {
    List<Skill> out = new ArrayList<>();
    if (lines == null) return out;
    int i = 0;
    for (String line : lines.split("\\R")) {
      if (line.isBlank()) continue;
      int colon = line.indexOf(':');
      if (colon < 0) {
        errors.add(new FieldError("skills[" + i + "]", "write a skill as kind: value"));
      } else {
        skill(line.substring(0, colon), line.substring(colon + 1), "skills[" + i + "]", errors)
            .ifPresent(out::add);
      }
      i++;
    }
    return out;
  }

  static String skillLines(List<Skill> skills) {
    return skills.stream()
        .map(s -> s.kind().wire() + ": " + s.value())
        .collect(Collectors.joining("\n"));
  }

  /** Languages typed as {@code en, de}. */
  static List<String> languages(String typed) {
    if (typed == null) return List.of();
    return Arrays.stream(typed.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  /** Both coordinates or neither; a number that does not parse is a field error. */
  static Optional<Coordinates> coordinates(String lat, String lon, List<FieldError> errors) {
    boolean hasLat = lat != null && !lat.isBlank();
    boolean hasLon = lon != null && !lon.isBlank();
    if (!hasLat && !hasLon) return Optional.empty();
    if (!hasLat || !hasLon) {
      errors.add(
          new FieldError(hasLat ? "longitude" : "latitude", "give both coordinates or none"));
      return Optional.empty();
    }
    Optional<Double> a = number("latitude", lat, errors);
    Optional<Double> b = number("longitude", lon, errors);
    if (a.isEmpty() || b.isEmpty()) return Optional.empty();
    return Optional.of(new Coordinates(a.get(), b.get()));
  }

  private static Optional<Double> number(String field, String typed, List<FieldError> errors) {
    try {
      double d = Double.parseDouble(typed.strip());
      if (Double.isFinite(d)) return Optional.of(d);
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a number in degrees, e.g. 52.52"));
    return Optional.empty();
  }

  /** {@code current} with the given fields replaced. */
  static Profile with(
      Profile current,
      Optional<String> displayName,
      Optional<String> bio,
      Optional<List<String>> languages,
      Optional<String> country,
      Optional<String> city,
      Optional<Optional<Coordinates>> coordinates,
      Optional<Boolean> remote,
      Optional<String> timeZone,
      Optional<String> weeklyHours,
      Optional<Boolean> paused,
      Optional<List<Skill>> skills) {
    return new Profile(
        displayName.orElse(current.displayName()),
        bio.orElse(current.bio()),
        languages.orElse(current.languages()),
        country.orElse(current.country()),
        city.orElse(current.city()),
        coordinates.orElse(current.coordinates()),
        remote.orElse(current.remote()),
        timeZone.orElse(current.timeZone()),
        weeklyHours.orElse(current.weeklyHours()),
        paused.orElse(current.paused()),
        skills.orElse(current.skills()));
  }
}
