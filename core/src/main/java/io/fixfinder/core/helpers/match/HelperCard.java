package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.Skill;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A helper as searches, issue pages and {@code /api/helpers} show them: public facts and why they
 * matched. Built only from a {@link Candidate} (which holds no contact channel) and a {@link
 * Match}, so no email, phone or link can reach a response through it.
 *
 * @param distanceKm from the point the customer gave ({@code near}), rounded to 0.1 km
 * @param why reasons, most important first
 */
public record HelperCard(
    String id,
    String displayName,
    List<SkillView> skills,
    List<String> languages,
    String city,
    String country,
    boolean remote,
    boolean paused,
    boolean availableNow,
    OptionalDouble distanceKm,
    ReputationView reputation,
    List<Why> why) {

  public HelperCard {
    skills = List.copyOf(skills);
    languages = List.copyOf(languages);
    why = List.copyOf(why);
  }

  /**
   * A skill: {@code kind} is {@code issue}, {@code model}, {@code brand}, {@code type} or {@code
   * area}.
   */
  public record SkillView(String kind, String value) {}

  /** Outcome counts confirmed by the people helped; {@code newHelper} before the first one. */
  public record ReputationView(
      int confirmedFixes,
      int notFixed,
      int gaveUp,
      int requestsReceived,
      int requestsAnswered,
      boolean newHelper) {
    static ReputationView of(Reputation r) {
      return new ReputationView(
          r.confirmedFixes(),
          r.notFixed(),
          r.gaveUp(),
          r.requestsReceived(),
          r.requestsAnswered(),
          r.isNew());
    }
  }

  /** One reason: a stable lower-case kind ({@code issue}, {@code language}...) and a phrase. */
  public record Why(String kind, String text) {}

  /** The card of a match. */
  public static HelperCard of(Candidate c, Match m) {
    OptionalDouble km =
        m.distanceKm().isPresent()
            ? OptionalDouble.of(Math.round(m.distanceKm().getAsDouble() * 10) / 10.0)
            : OptionalDouble.empty();
    return card(c, m.availableNow(), km, m.reasons());
  }

  /** The card of a helper outside any query (their profile). */
  public static HelperCard of(Candidate c, boolean availableNow) {
    return card(c, availableNow, OptionalDouble.empty(), List.of());
  }

  private static HelperCard card(
      Candidate c, boolean availableNow, OptionalDouble km, List<Reason> reasons) {
    List<SkillView> skills =
        c.skills().stream()
            .sorted(Comparator.comparing(Skill::kind).thenComparing(Skill::value))
            .map(s -> new SkillView(s.kind().key(), s.value()))
            .toList();
    return new HelperCard(
        c.id(),
        c.displayName(),
        skills,
        c.languages().stream().sorted().toList(),
        c.location().city(),
        c.location().country(),
        c.remote(),
        c.paused(),
        availableNow,
        km,
        ReputationView.of(c.reputation()),
        reasons.stream()
            .map(r -> new Why(r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.text()))
            .toList());
  }
}
