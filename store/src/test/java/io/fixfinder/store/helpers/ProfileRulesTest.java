package io.fixfinder.store.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.store.accounts.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Data-driven: each bad field is named in the errors, and a good profile has none. */
class ProfileRulesTest {
  static Profile good() {
    return new Profile(
        "Ada",
        "Repair café volunteer.\nWashers and dryers.",
        List.of("en", "de"),
        "DE",
        "Berlin",
        Optional.of(new Coordinates(52.52, 13.405)),
        true,
        "Europe/Berlin",
        "mon 18:00-22:00, sat 09:00-13:00",
        false,
        List.of(
            new Skill(SkillKind.ISSUE, "iss-0a1b2c3d4e5f"),
            new Skill(SkillKind.MODEL, "WM-8420X"),
            new Skill(SkillKind.BRAND, "Black & Decker"),
            new Skill(SkillKind.TYPE, "washing-machine"),
            new Skill(SkillKind.AREA, "fa-0123456789ab")));
  }

  static List<FieldError> errors(Profile p) {
    return ProfileRules.check(ProfileRules.normalise(p), ProfileLimits.defaults());
  }

  @Test
  void aGoodProfileHasNoErrorsAndNormalisesKeys() {
    assertThat(errors(good())).isEmpty();
    Profile messy =
        with(
            p ->
                new Profile(
                    "  Ada ",
                    p.bio(),
                    List.of(" EN", "de", "en"),
                    "de",
                    " Berlin ",
                    p.coordinates(),
                    p.remote(),
                    " Europe/Berlin",
                    p.weeklyHours(),
                    p.paused(),
                    List.of(
                        new Skill(SkillKind.TYPE, " washing-machine "),
                        new Skill(SkillKind.TYPE, "washing-machine"))));
    Profile n = ProfileRules.normalise(messy);
    assertThat(n.displayName()).isEqualTo("Ada");
    assertThat(n.languages()).containsExactly("en", "de");
    assertThat(n.country()).isEqualTo("DE");
    assertThat(n.city()).isEqualTo("Berlin");
    assertThat(n.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(n.skills()).containsExactly(new Skill(SkillKind.TYPE, "washing-machine"));
    assertThat(ProfileRules.check(n, ProfileLimits.defaults())).isEmpty();
  }

  static Profile with(UnaryOperator<Profile> change) {
    return change.apply(good());
  }

  static Profile skills(List<Skill> skills) {
    Profile p = good();
    return new Profile(
        p.displayName(),
        p.bio(),
        p.languages(),
        p.country(),
        p.city(),
        p.coordinates(),
        p.remote(),
        p.timeZone(),
        p.weeklyHours(),
        p.paused(),
        skills);
  }

  static List<Arguments> badProfiles() {
    Profile g = good();
    List<Arguments> out = new ArrayList<>();
    out.add(
        Arguments.of(
            "displayName",
            new Profile(
                " ",
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "bio",
            new Profile(
                g.displayName(),
                "x".repeat(1001),
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "bio",
            new Profile(
                g.displayName(),
                "bell\u0007",
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "languages[1]",
            new Profile(
                g.displayName(),
                g.bio(),
                List.of("en", "xx"),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "languages[0]",
            new Profile(
                g.displayName(),
                g.bio(),
                List.of("eng"),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "languages",
            new Profile(
                g.displayName(),
                g.bio(),
                List.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "fi"),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "country",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                "ZZ",
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "country",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                "DEU",
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "city",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                "c".repeat(101),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "latitude",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                Optional.of(new Coordinates(90.5, 0)),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "longitude",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                Optional.of(new Coordinates(0, -180.01)),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "latitude",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                Optional.of(new Coordinates(Double.NaN, 0)),
                g.remote(),
                g.timeZone(),
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "timeZone",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                "Mars/Olympus_Mons",
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "timeZone",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                "+02:00",
                g.weeklyHours(),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "weeklyHours",
            new Profile(
                g.displayName(),
                g.bio(),
                g.languages(),
                g.country(),
                g.city(),
                g.coordinates(),
                g.remote(),
                g.timeZone(),
                "mon 18:00-22:00, ".repeat(40),
                g.paused(),
                g.skills())));
    out.add(
        Arguments.of(
            "skills[0]", skills(List.of(new Skill(SkillKind.BRAND, "<script>alert(1)</script>")))));
    out.add(Arguments.of("skills[0]", skills(List.of(new Skill(SkillKind.MODEL, "x' OR '1'='1")))));
    out.add(
        Arguments.of(
            "skills[1]",
            skills(
                List.of(
                    new Skill(SkillKind.MODEL, "ok"),
                    new Skill(SkillKind.MODEL, "m".repeat(81))))));
    out.add(
        Arguments.of(
            "skills",
            skills(
                IntStream.range(0, 51)
                    .mapToObj(i -> new Skill(SkillKind.MODEL, "M" + i))
                    .toList())));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProfiles")
  void eachBadFieldIsNamed(String field, Profile profile) {
    assertThat(errors(profile)).extracting(FieldError::field).containsExactly(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://meet.example.org/ada", "HTTPS://jitsi.example:8443/room?x=1"})
  void httpsVideoLinksAreAccepted(String link) {
    assertThat(
            ProfileRules.check(
                new ContactChannels(Optional.empty(), Optional.empty(), Optional.of(link))))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://meet.example.org/ada",
        "javascript:alert(1)",
        "https://",
        "https://user:pw@meet.example.org/",
        "https://meet.example.org/a b",
        "meet.example.org/ada",
        "data:text/html,<script>alert(1)</script>"
      })
  void otherLinksAreRefused(String link) {
    assertThat(
            ProfileRules.check(
                new ContactChannels(Optional.empty(), Optional.empty(), Optional.of(link))))
        .extracting(FieldError::field)
        .containsExactly("video");
  }

  @Test
  void phonesAreNormalisedToE164AndOtherwiseRefused() {
    ContactChannels c =
        ProfileRules.normalise(
            new ContactChannels(
                Optional.of(" Ada@Example.ORG "),
                Optional.of("+49 (30) 123-456.7"),
                Optional.of(" ")));
    assertThat(c.email()).contains("ada@example.org");
    assertThat(c.phone()).contains("+49301234567");
    assertThat(c.video()).isEmpty();
    assertThat(ProfileRules.check(c)).isEmpty();
    for (String bad : List.of("030 1234567", "+0301234567", "+49", "+49 30 1234567 ext 5")) {
      ContactChannels n =
          ProfileRules.normalise(
              new ContactChannels(Optional.empty(), Optional.of(bad), Optional.empty()));
      assertThat(ProfileRules.check(n))
          .as(bad)
          .extracting(FieldError::field)
          .containsExactly("phone");
    }
    ContactChannels badEmail =
        new ContactChannels(Optional.of("ada at example"), Optional.empty(), Optional.empty());
    List<FieldError> errors = ProfileRules.check(ProfileRules.normalise(badEmail));
    assertThat(errors).extracting(FieldError::field).containsExactly("email");
    assertThat(errors.get(0).message()).as("never quoted").doesNotContain("ada");
  }

  @Test
  void channelsNeverPrintThemselves() {
    ContactChannels c =
        new ContactChannels(
            Optional.of("ada@example.org"), Optional.of("+49301234567"), Optional.empty());
    assertThat(c.toString()).doesNotContain("ada").doesNotContain("4930");
  }
}
