package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Random directories and queries over a small vocabulary, so that random helpers and queries share
 * skills often. Everything derives from one seed, which jqwik prints on failure.
 */
final class RandomDirectory {
  static final String[] TYPES = {"washing-machine", "dishwasher", "laptop"};
  static final String[] BRANDS = {"Aqualine", "Kesseler", "Voltaro"};
  static final String[] MODELS = {"WM-8420X", "DW-4500S", "VX-1550"};
  static final String[] ISSUES = {"iss-000000000001", "iss-000000000002", "iss-000000000003"};
  static final String[] AREAS = {
    Skill.faultAreaId("washing-machine", "water"), Skill.faultAreaId("laptop", "power")
  };
  static final String[] LANGUAGES = {"en", "nl", "de", "pt"};
  static final String[] ZONES = {
    "Europe/Amsterdam", "Europe/Lisbon", "America/New_York", "Australia/Sydney", "Asia/Tokyo"
  };
  static final String[] HOURS = {
    "", "mon 18:00-22:00, sat 09:00-13:00", "fri 22:00-24:00, sat 00:00-03:00",
    "mon 09:00-17:00, tue 09:00-17:00, wed 09:00-17:00", "sun 00:00-24:00", "wed 20:00-23:00"
  };

  private RandomDirectory() {}

  static Candidate candidate(Random r, String id) {
    Set<Skill> skills = new HashSet<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) skills.add(skill(r));
    Set<String> langs = new HashSet<>();
    langs.add(LANGUAGES[r.nextInt(LANGUAGES.length)]);
    if (r.nextBoolean()) langs.add(LANGUAGES[r.nextInt(LANGUAGES.length)]);
    Location loc =
        switch (r.nextInt(3)) {
          case 0 -> Location.of("NL", "", 52 + r.nextDouble(), 4 + r.nextDouble() * 2);
          case 1 -> Location.of("PT", "Lisbon", 38 + r.nextDouble(), -9.5 + r.nextDouble());
          default -> Location.of(r.nextBoolean() ? "NL" : "US", "");
        };
    int fixes = r.nextInt(10);
    int notFixed = r.nextInt(4);
    int gaveUp = r.nextInt(3);
    int received = fixes + notFixed + gaveUp + r.nextInt(5);
    return new Candidate(
        id,
        "Helper " + id,
        skills,
        langs,
        loc,
        r.nextBoolean(),
        ZoneId.of(ZONES[r.nextInt(ZONES.length)]),
        WeeklyHours.parse(HOURS[r.nextInt(HOURS.length)]),
        r.nextInt(6) == 0,
        new Reputation(
            fixes,
            notFixed,
            gaveUp,
            received,
            r.nextInt(received + 1),
            r.nextBoolean() ? OptionalInt.of(r.nextInt(3000)) : OptionalInt.empty()));
  }

  static Skill skill(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> Skill.issue(ISSUES[r.nextInt(ISSUES.length)]);
      case 1 -> Skill.model(MODELS[r.nextInt(MODELS.length)]);
      case 2 -> Skill.brand(BRANDS[r.nextInt(BRANDS.length)]);
      case 3 -> Skill.type(TYPES[r.nextInt(TYPES.length)]);
      default -> Skill.area(AREAS[r.nextInt(AREAS.length)]);
    };
  }

  static List<Candidate> directory(Random r, int size) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < size; i++) out.add(candidate(r, "h" + i));
    return out;
  }

  static MatchQuery query(Random r) {
    Instant now =
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextLong(3L * 365 * 24 * 3600));
    MatchQuery.Builder b = MatchQuery.builder(now).limit(1 + r.nextInt(30));
    if (r.nextBoolean()) b.issue(ISSUES[r.nextInt(ISSUES.length)]);
    if (r.nextBoolean()) b.area(AREAS[r.nextInt(AREAS.length)], "Water / drain / blockage");
    b.product(
        r.nextBoolean() ? TYPES[r.nextInt(TYPES.length)] : "",
        r.nextBoolean() ? BRANDS[r.nextInt(BRANDS.length)].toLowerCase(java.util.Locale.ROOT) : "",
        r.nextBoolean() ? MODELS[r.nextInt(MODELS.length)] : "");
    if (r.nextBoolean()) b.languages(List.of(LANGUAGES[r.nextInt(LANGUAGES.length)]));
    switch (r.nextInt(4)) {
      case 0 -> b.place(Place.ANYWHERE);
      case 1 -> b.place(new Place.InCountry(r.nextBoolean() ? "NL" : "PT"));
      case 2 -> b.place(new Place.At(new io.fixfinder.core.helpers.geo.GeoPoint(52.37, 4.9)));
      default ->
          b.place(new Place.At(new io.fixfinder.core.helpers.geo.GeoPoint(38.72, -9.14)))
              .withinKm(20 + r.nextInt(200));
    }
    b.availableNowOnly(r.nextInt(4) == 0);
    return b.build();
  }

  static Optional<Match> find(List<Match> matches, String id) {
    return matches.stream().filter(m -> m.helperId().equals(id)).findFirst();
  }
}
