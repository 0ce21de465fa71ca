package io.fixfinder.demo.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.match.Candidate;
import io.fixfinder.core.helpers.match.HelperMatcher;
import io.fixfinder.core.helpers.match.Match;
import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.helpers.match.Place;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoHelpersTest {
  private static final List<DemoHelper> ALL = DemoHelpers.all();

  /**
   * Ranges reserved for fiction, in E.164: Ofcom drama (020 7946 0xxx, 0161 496 0xxx), NANP
   * 555-0100..0199 in any area code, ACMA 0491 570 156..159, ARCEP 01 99 00 xx xx.
   */
  private static final Pattern FICTION =
      Pattern.compile(
          "\\+442079460\\d{3}|\\+441614960\\d{3}|\\+1\\d{3}55501\\d\\d"
              + "|\\+6149157015[6-9]|\\+3319900\\d{4}");

  private static final Pattern EXAMPLE_DOMAIN = Pattern.compile("[^@]+@example\\.(org|net|com)");

  @Test
  void aboutFortyDistinctHelpersTheSameOnEveryCall() {
    assertThat(ALL).hasSize(40);
    assertThat(DemoHelpers.all()).isEqualTo(ALL);
    assertThat(ALL.stream().map(DemoHelper::handle).distinct()).hasSize(ALL.size());
    assertThat(ALL.stream().map(DemoHelper::email).distinct()).hasSize(ALL.size());
    assertThat(ALL).allMatch(h -> h.handle().matches("[a-z0-9-]+"));
    assertThat(ALL).allMatch(h -> !h.bio().isBlank() && !h.skills().isEmpty());
  }

  @Test
  void contactDetailsAreAllReservedForFiction() {
    for (DemoHelper h : ALL) {
      assertThat(h.email()).matches(EXAMPLE_DOMAIN);
      h.channels().email().ifPresent(e -> assertThat(e).matches(EXAMPLE_DOMAIN));
      h.channels().phone().ifPresent(p -> assertThat(p).as(h.handle()).matches(FICTION));
      h.channels()
          .videoCall()
          .ifPresent(
              v -> assertThat(v).matches("https://[a-z]+\\.example\\.(org|net|com)/[a-z0-9-]+"));
    }
    assertThat(ALL.stream().filter(h -> h.channels().phone().isPresent())).hasSizeGreaterThan(10);
  }

  @Test
  void spreadOverTimeZonesLanguagesAndHours() {
    Set<String> regions =
        ALL.stream().map(h -> h.zone().getId().split("/")[0]).collect(Collectors.toSet());
    assertThat(regions).contains("Europe", "America", "Asia", "Australia", "Pacific");
    Set<String> languages = new HashSet<>();
    ALL.forEach(h -> languages.addAll(h.languages()));
    assertThat(languages).contains("en", "nl", "de", "fr", "es", "it", "pt", "ja");
    // help outside office hours: evenings, weekends, nights
    assertThat(ALL).anyMatch(h -> covers(h.hours(), "sat 10:00-11:00"));
    assertThat(ALL).anyMatch(h -> covers(h.hours(), "mon 20:00-21:00"));
    assertThat(ALL).anyMatch(h -> covers(h.hours(), "sat 01:00-02:00"));
    assertThat(ALL.stream().filter(DemoHelper::paused)).hasSizeBetween(3, 6);
    assertThat(ALL.stream().filter(h -> h.reputation().isNew())).hasSizeGreaterThanOrEqualTo(5);
    assertThat(ALL.stream().filter(DemoHelper::remote)).hasSizeBetween(20, 35);
  }

  private static boolean covers(WeeklyHours h, String range) {
    WeeklyHours.Range r = WeeklyHours.parse(range).ranges().getFirst();
    for (int m = r.weekStart(); m < r.weekEnd(); m++) if (!h.coversWeekMinute(m)) return false;
    return true;
  }

  @Test
  void theDrainSearchFindsSeveralHelpers() {
    List<Candidate> candidates =
        ALL.stream().map(h -> h.toCandidate("demo-" + h.handle())).toList();
    HelperMatcher matcher = HelperMatcher.of(candidates);
    assertThat(matcher.pausedCount()).isEqualTo(ALL.stream().filter(DemoHelper::paused).count());
    MatchQuery drain =
        MatchQuery.builder(Instant.parse("2026-12-07T19:30:00Z"))
            .area(Skill.faultAreaId("washing-machine", "water"), "Water / drain / blockage")
            .product("washing-machine", "Aqualine", "WM-8420X")
            .languages(List.of("nl", "en"))
            .place(new Place.At(new GeoPoint(52.37, 4.90)))
            .limit(40)
            .build();
    List<Match> matches = matcher.match(drain);
    assertThat(matches).hasSizeGreaterThanOrEqualTo(12);
    // the best ones know the model itself, and the Dutch-speaking helper nearby is among them
    assertThat(matches.getFirst().reasons())
        .anyMatch(r -> r.text().equals("knows the Aqualine WM-8420X"));
    assertThat(matches.stream().map(Match::displayName)).contains("Sanne Bakker", "Joost de Vries");
    // and the E18 hints name the issue the seeding step will resolve
    assertThat(
            ALL.stream()
                .filter(
                    h ->
                        h.issueHints().stream()
                            .anyMatch(
                                i -> i.code().equals("E18") && i.type().equals("washing-machine"))))
        .hasSizeGreaterThanOrEqualTo(8);
  }
}
