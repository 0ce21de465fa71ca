package io.fixfinder.core.helpers.match;

import static io.fixfinder.core.helpers.match.CandidateBuilder.helper;
import static io.fixfinder.core.helpers.match.ReputationTest.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.geo.Location;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each ranking rule on constructed cases where everything else is equal. */
class HelperMatcherTest {
  /** Monday 2026-12-07 19:00 UTC: 19:00 in Lisbon, 20:00 in Amsterdam, 14:00 in New York. */
  static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");

  static final String ISSUE = "iss-0123456789ab";
  static final String AREA = Skill.faultAreaId("washing-machine", "water");
  static final GeoPoint AMSTERDAM = new GeoPoint(52.3676, 4.9041);

  static MatchQuery.Builder drain() {
    return MatchQuery.builder(NOW)
        .issue(ISSUE, AREA, "Water / drain / blockage")
        .product("washing-machine", "Aqualine", "WM-8420X");
  }

  static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::helperId).toList();
  }

  static List<String> texts(Match m) {
    return m.reasons().stream().map(Reason::text).toList();
  }

  static Location near(double km) {
    // due north of Amsterdam: one degree of latitude is 111.2 km on the mean sphere
    return Location.of("NL", "Somewhere", AMSTERDAM.lat() + km / 111.195, AMSTERDAM.lon());
  }

  @Test
  void skillFitOrdersIssueModelBrandTypeArea() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("a-area").skills(Skill.area(AREA)).build(),
                helper("b-type").skills(Skill.type("washing-machine")).build(),
                helper("c-brand").skills(Skill.brand("aqualine")).build(),
                helper("d-model").skills(Skill.model("wm-8420x")).build(),
                helper("e-issue").skills(Skill.issue(ISSUE)).build(),
                helper("f-other").skills(Skill.type("laptop"), Skill.brand("Voltaro")).build()));
    List<Match> matches = m.match(drain().build());
    assertThat(ids(matches)).containsExactly("e-issue", "d-model", "c-brand", "b-type", "a-area");
    assertThat(texts(matches.get(0))).contains("knows this very issue");
    assertThat(texts(matches.get(1))).contains("knows the Aqualine WM-8420X");
    assertThat(texts(matches.get(2))).contains("knows Aqualine");
    assertThat(texts(matches.get(3))).contains("repairs washing machines");
    assertThat(texts(matches.get(4))).contains("knows water / drain / blockage faults");
  }

  @Test
  void reasonsNameTheMostSpecificSkillOnly() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("brand-and-type")
                    .skills(
                        Skill.brand("Aqualine"), Skill.type("washing-machine"), Skill.area(AREA))
                    .build(),
                helper("model-too")
                    .skills(
                        Skill.model("WM-8420X"),
                        Skill.brand("Aqualine"),
                        Skill.type("washing-machine"))
                    .build(),
                helper("issue").skills(Skill.issue(ISSUE), Skill.model("WM-8420X")).build()));
    List<Match> matches = m.match(drain().build());
    assertThat(ids(matches)).containsExactly("issue", "model-too", "brand-and-type");
    assertThat(matches.get(0).reasons())
        .filteredOn(r -> r.kind().ordinal() <= Reason.Kind.AREA.ordinal())
        .extracting(Reason::text)
        .containsExactly("knows this very issue");
    assertThat(matches.get(1).reasons())
        .filteredOn(r -> r.kind().ordinal() <= Reason.Kind.AREA.ordinal())
        .extracting(Reason::text)
        .containsExactly("knows the Aqualine WM-8420X");
    assertThat(matches.get(2).reasons())
        .filteredOn(r -> r.kind().ordinal() <= Reason.Kind.AREA.ordinal())
        .extracting(Reason::text)
        .containsExactly(
            "knows Aqualine washing machines", "knows water / drain / blockage faults");
  }

  @Test
  void theIssueAloneOutweighsEveryOtherSkillTogether() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("all-but-issue")
                    .skills(
                        Skill.model("WM-8420X"),
                        Skill.brand("Aqualine"),
                        Skill.type("washing-machine"),
                        Skill.area(AREA))
                    .languages("nl")
                    .remote()
                    .hours("mon 00:00-24:00")
                    .reputation(rep(20, 0, 0, 20, 20))
                    .build(),
                helper("issue-only").skills(Skill.issue(ISSUE)).build()));
    assertThat(ids(m.match(drain().languages(List.of("nl")).build())))
        .containsExactly("issue-only", "all-but-issue");
  }

  @Test
  void languageComesBeforeDistanceAvailabilityAndReputation() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("speaks-dutch")
                    .skills(Skill.brand("Aqualine"))
                    .languages("en", "nl")
                    .at(near(40))
                    .build(),
                helper("english-only")
                    .skills(Skill.brand("Aqualine"))
                    .at(near(1))
                    .remote()
                    .hours("mon 00:00-24:00")
                    .reputation(rep(30, 0, 0, 30, 30))
                    .build()));
    List<Match> matches =
        m.match(drain().languages(List.of("nl")).place(new Place.At(AMSTERDAM)).build());
    assertThat(ids(matches)).containsExactly("speaks-dutch", "english-only");
    assertThat(texts(matches.get(0))).contains("speaks Dutch", "40 km away", "new helper");
    assertThat(texts(matches.get(1))).contains("1 km away", "helps remotely");
    assertThat(matches.get(1).reasons()).noneMatch(r -> r.kind() == Reason.Kind.LANGUAGE);
    // a customer who also reads English can be helped by both: then the rest decides
    assertThat(
            ids(
                m.match(
                    drain().languages(List.of("nl", "en")).place(new Place.At(AMSTERDAM)).build())))
        .containsExactly("english-only", "speaks-dutch");
  }

  @Test
  void nearerComesFirstRemoteBeatsFarAndOutOfReachIsLeftOut() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("at-3km").skills(Skill.type("washing-machine")).at(near(3)).build(),
                helper("at-12km").skills(Skill.type("washing-machine")).at(near(12)).build(),
                helper("at-45km").skills(Skill.type("washing-machine")).at(near(45)).build(),
                helper("remote-lisbon")
                    .skills(Skill.type("washing-machine"))
                    .at(Location.of("PT", "Lisbon", 38.72, -9.14))
                    .remote()
                    .build(),
                helper("local-200km").skills(Skill.type("washing-machine")).at(near(200)).build()));
    List<Match> matches = m.match(drain().place(new Place.At(AMSTERDAM)).build());
    assertThat(ids(matches)).containsExactly("at-3km", "at-12km", "remote-lisbon", "at-45km");
    assertThat(texts(matches.get(1))).contains("12 km away");
    assertThat(matches.get(1).distanceKm().getAsDouble()).isBetween(11.9, 12.1);
    assertThat(texts(matches.get(2)))
        .contains("helps remotely")
        .noneMatch(t -> t.endsWith("km away"));
  }

  @Test
  void byCountryWhenThereIsNoPoint() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("nl-local")
                    .skills(Skill.type("washing-machine"))
                    .at(Location.of("NL", "Utrecht"))
                    .build(),
                helper("pt-local")
                    .skills(Skill.type("washing-machine"))
                    .at(Location.of("PT", "Porto"))
                    .build(),
                helper("pt-remote")
                    .skills(Skill.type("washing-machine"))
                    .at(Location.of("PT", "Porto"))
                    .remote()
                    .build()));
    List<Match> matches = m.match(drain().place(new Place.InCountry("nl")).build());
    assertThat(ids(matches)).containsExactly("pt-remote", "nl-local");
    assertThat(texts(matches.get(1))).contains("in Utrecht, Netherlands");
    // without any place nobody is left out, and a local helper says where they are
    List<Match> anywhere = m.match(drain().build());
    assertThat(ids(anywhere)).containsExactly("pt-remote", "nl-local", "pt-local");
    assertThat(texts(anywhere.get(2))).contains("in Porto, Portugal");
  }

  @Test
  void availableNowComesBeforeReputation() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("busy-star")
                    .skills(Skill.type("washing-machine"))
                    .zone("Europe/Lisbon")
                    .at(Location.of("PT", "Lisbon"))
                    .hours("sat 09:00-13:00")
                    .reputation(rep(9, 0, 0, 9, 9))
                    .build(),
                helper("free-now")
                    .skills(Skill.type("washing-machine"))
                    .zone("Europe/Lisbon")
                    .at(Location.of("PT", "Lisbon"))
                    .hours("mon 18:00-22:00")
                    .build(),
                helper("night-owl-ny")
                    .skills(Skill.type("washing-machine"))
                    .zone("America/New_York")
                    .at(Location.of("US", ""))
                    .hours("mon 22:00-24:00, tue 00:00-03:00")
                    .build()));
    List<Match> matches = m.match(drain().build());
    assertThat(ids(matches)).containsExactly("free-now", "busy-star", "night-owl-ny");
    assertThat(matches.get(0).availableNow()).isTrue();
    assertThat(texts(matches.get(0))).contains("available now (evening in Lisbon)");
    assertThat(texts(matches.get(1)))
        .contains("available from Sat 09:00 Lisbon time", "9 of 9 confirmed fixes");
    // no city: the zone's city names the clock
    assertThat(texts(matches.get(2))).contains("available from 22:00 New York time");
    // availableNow as a filter
    assertThat(ids(m.match(drain().availableNowOnly(true).build()))).containsExactly("free-now");
  }

  @Test
  void reputationOrdersOtherwiseEqualHelpersAndANewOneIsNotLast() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("poor")
                    .skills(Skill.type("washing-machine"))
                    .reputation(rep(1, 4, 0, 6, 5))
                    .build(),
                helper("new").skills(Skill.type("washing-machine")).build(),
                helper("proven")
                    .skills(Skill.type("washing-machine"))
                    .reputation(new Reputation(8, 1, 0, 10, 9, java.util.OptionalInt.of(90)))
                    .build()));
    List<Match> matches = m.match(drain().build());
    assertThat(ids(matches)).containsExactly("proven", "new", "poor");
    assertThat(texts(matches.get(0)))
        .contains("8 of 9 confirmed fixes", "answers 9 of 10 requests, usually within 2 h");
    assertThat(texts(matches.get(1))).contains("new helper");
  }

  @Test
  void pausedHelpersNeverMatch() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("paused").skills(Skill.issue(ISSUE)).paused().build(),
                helper("active").skills(Skill.area(AREA)).build()));
    assertThat(m.size()).isEqualTo(1);
    assertThat(m.pausedCount()).isEqualTo(1);
    assertThat(ids(m.match(drain().build()))).containsExactly("active");
    assertThat(ids(m.list(HelperFilter.NONE, List.of(), NOW, 10))).containsExactly("active");
  }

  @Test
  void helpersSharingNoSkillAreNotCandidatesButAQueryWithoutSkillsListsEveryone() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("laptops").skills(Skill.type("laptop")).build(),
                helper("washers").skills(Skill.type("washing-machine")).build()));
    assertThat(ids(m.match(drain().build()))).containsExactly("washers");
    assertThat(ids(m.match(MatchQuery.builder(NOW).build()))).containsExactly("laptops", "washers");
  }

  @Test
  void listFiltersMustEachHold() {
    HelperMatcher m =
        HelperMatcher.of(
            List.of(
                helper("aq-near")
                    .skills(Skill.brand("Aqualine"), Skill.type("washing-machine"))
                    .at(near(5))
                    .build(),
                helper("aq-far")
                    .skills(Skill.brand("Aqualine"), Skill.type("washing-machine"))
                    .at(near(80))
                    .remote()
                    .build(),
                helper("kes-near")
                    .skills(Skill.brand("Kesseler"), Skill.type("washing-machine"))
                    .at(near(2))
                    .build(),
                helper("aq-issue")
                    .skills(Skill.issue(ISSUE), Skill.brand("Aqualine"))
                    .at(near(9))
                    .hours("mon 00:00-24:00")
                    .build(),
                helper("dish").skills(Skill.type("dishwasher")).at(near(1)).build()));
    HelperFilter byType =
        new HelperFilter(
            Optional.empty(),
            Optional.of("washing-machine"),
            Optional.empty(),
            Optional.empty(),
            false);
    assertThat(ids(m.list(byType, List.of(), NOW, 10)))
        .containsExactlyInAnyOrder("aq-near", "aq-far", "kes-near");
    HelperFilter byBrandNear =
        new HelperFilter(
            Optional.empty(),
            Optional.empty(),
            Optional.of("aqualine"),
            Optional.of(new HelperFilter.Near(AMSTERDAM, 50)),
            false);
    // both within 50 km; the one available now first
    assertThat(ids(m.list(byBrandNear, List.of(), NOW, 10))).containsExactly("aq-issue", "aq-near");
    HelperFilter byIssue =
        new HelperFilter(
            Optional.of(ISSUE), Optional.empty(), Optional.empty(), Optional.empty(), false);
    assertThat(ids(m.list(byIssue, List.of(), NOW, 10))).containsExactly("aq-issue");
    HelperFilter nowOnly =
        new HelperFilter(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
    assertThat(ids(m.list(nowOnly, List.of(), NOW, 10))).containsExactly("aq-issue");
    HelperFilter typeAndBrand =
        new HelperFilter(
            Optional.empty(),
            Optional.of("washing-machine"),
            Optional.of("Kesseler"),
            Optional.empty(),
            false);
    assertThat(ids(m.list(typeAndBrand, List.of(), NOW, 10))).containsExactly("kes-near");
  }

  @Test
  void limitKeepsTheBestAndTiesAreBrokenById() {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < 30; i++)
      cs.add(helper(String.format("h%02d", 29 - i)).skills(Skill.type("washing-machine")).build());
    HelperMatcher m = HelperMatcher.of(cs);
    assertThat(ids(m.match(drain().limit(3).build()))).containsExactly("h00", "h01", "h02");
    assertThatThrownBy(() -> drain().limit(0).build()).hasMessageContaining("limit 0");
    assertThatThrownBy(() -> drain().limit(101).build()).hasMessageContaining("limit 101");
  }

  @Test
  void rejectsDuplicateIdsAndBadQueries() {
    assertThatThrownBy(() -> HelperMatcher.of(List.of(helper("x").build(), helper("x").build())))
        .hasMessageContaining("duplicate helper id x");
    assertThatThrownBy(() -> drain().languages(List.of("klingon")).build())
        .hasMessageContaining("'klingon' is not an ISO 639-1");
    assertThatThrownBy(() -> MatchQuery.builder(NOW).withinKm(10).build())
        .hasMessageContaining("needs a point");
    assertThatThrownBy(() -> MatchQuery.builder(NOW).require(SkillKind.BRAND).build())
        .hasMessageContaining("required brand without a value");
  }

  @Test
  void concurrentQueriesSeeTheSameAnswers() throws Exception {
    List<Candidate> cs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      cs.add(
          helper("h" + i)
              .skills(
                  Skill.type(i % 2 == 0 ? "washing-machine" : "dishwasher"),
                  Skill.brand(i % 3 == 0 ? "Aqualine" : "Kesseler"))
              .at(near(i % 70))
              .remote()
              .hours(i % 4 == 0 ? "mon 18:00-22:00" : "sat 09:00-13:00")
              .reputation(rep(i % 7, i % 3, 0, i % 7 + i % 3, i % 7))
              .build());
    }
    HelperMatcher m = HelperMatcher.of(cs);
    MatchQuery q = drain().place(new Place.At(AMSTERDAM)).limit(20).build();
    List<Match> expected = m.match(q);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Match>>> futures = new ArrayList<>();
      for (int t = 0; t < 200; t++) futures.add(pool.submit(() -> m.match(q)));
      for (Future<List<Match>> f : futures) assertThat(f.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
