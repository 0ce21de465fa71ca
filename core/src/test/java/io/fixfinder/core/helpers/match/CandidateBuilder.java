package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test candidates: a plain helper in Amsterdam unless told otherwise. */
final class CandidateBuilder {
  private final String id;
  private String name;
  private final Set<Skill> skills = new LinkedHashSet<>();
  private Set<String> languages = Set.of("en");
  private Location location = Location.of("NL", "Amsterdam", 52.3676, 4.9041);
  private boolean remote;
  private ZoneId zone = ZoneId.of("Europe/Amsterdam");
  private WeeklyHours hours = WeeklyHours.EMPTY;
  private boolean paused;
  private Reputation reputation = Reputation.NEW;

  private CandidateBuilder(String id) {
    this.id = id;
    this.name = "Helper " + id;
  }

  static CandidateBuilder helper(String id) {
    return new CandidateBuilder(id);
  }

  CandidateBuilder skills(Skill... s) {
    skills.addAll(List.of(s));
    return this;
  }

  CandidateBuilder languages(String... l) {
    languages = Set.of(l);
    return this;
  }

  CandidateBuilder at(Location l) {
    location = l;
    return this;
  }

  CandidateBuilder remote() {
    remote = true;
    return this;
  }

  CandidateBuilder zone(String z) {
    zone = ZoneId.of(z);
    return this;
  }

  CandidateBuilder hours(String h) {
    hours = WeeklyHours.parse(h);
    return this;
  }

  CandidateBuilder paused() {
    paused = true;
    return this;
  }

  CandidateBuilder reputation(Reputation r) {
    reputation = r;
    return this;
  }

  CandidateBuilder name(String n) {
    name = n;
    return this;
  }

  Candidate build() {
    return new Candidate(
        id, name, skills, languages, location, remote, zone, hours, paused, reputation);
  }
}
