package io.fixfinder.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Skills against the built-in lexicon and a stand-in for the served clusters. */
class SkillVocabularyTest {
  final SkillVocabulary vocabulary =
      new SkillVocabulary(
          Lexicon.builtIn(), Set.of("iss-0a1b2c3d4e5f")::contains, Set.of("fa-drain")::contains);

  @Test
  void knownValuesPassAndAreWrittenAsTheLexiconWritesThem() {
    List<Skill> typed =
        List.of(
            new Skill(SkillKind.TYPE, "Washing-Machine"),
            new Skill(SkillKind.BRAND, "aqualine"),
            new Skill(SkillKind.MODEL, "wm 8420x"),
            new Skill(SkillKind.MODEL, "ZX-1 never seen"),
            new Skill(SkillKind.ISSUE, "iss-0a1b2c3d4e5f"),
            new Skill(SkillKind.AREA, "fa-drain"));
    assertThat(vocabulary.check(typed)).isEmpty();
    assertThat(vocabulary.canonical(typed))
        .extracting(Skill::value)
        .containsExactly(
            "washing-machine",
            "Aqualine",
            "WM-8420X",
            "ZX-1 never seen",
            "iss-0a1b2c3d4e5f",
            "fa-drain");
  }

  @Test
  void namesThatMatchNothingAreRefusedWithTheNearestKnownOne() {
    List<FieldError> errors =
        vocabulary.check(
            List.of(
                new Skill(SkillKind.BRAND, "Aqualin"),
                new Skill(SkillKind.TYPE, "washer"),
                new Skill(SkillKind.TYPE, "dishwashr"),
                new Skill(SkillKind.ISSUE, "iss-000000000000"),
                new Skill(SkillKind.AREA, "fa-nowhere")));
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("skills[0]", "skills[1]", "skills[2]", "skills[3]", "skills[4]");
    assertThat(errors.get(0).message()).contains("did you mean Aqualine?");
    assertThat(errors.get(1).message()).doesNotContain("did you mean");
    assertThat(errors.get(2).message()).contains("did you mean dishwasher?");
    assertThat(errors.get(3).message()).contains("no issue");
  }
}
