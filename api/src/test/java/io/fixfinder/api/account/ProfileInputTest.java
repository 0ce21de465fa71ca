package io.fixfinder.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.store.accounts.FieldError;
import io.fixfinder.store.helpers.Coordinates;
import io.fixfinder.store.helpers.Skill;
import io.fixfinder.store.helpers.SkillKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileInputTest {
  @Test
  void skillsAreReadOnePerLineAsKindAndValue() {
    List<FieldError> errors = new ArrayList<>();
    List<Skill> skills =
        ProfileInput.skills(
            "type: washing-machine\r\n\n  Brand :Aqualine \nmodel: WM-8420X", errors);
    assertThat(errors).isEmpty();
    assertThat(skills)
        .containsExactly(
            new Skill(SkillKind.TYPE, "washing-machine"),
            new Skill(SkillKind.BRAND, "Aqualine"),
            new Skill(SkillKind.MODEL, "WM-8420X"));
    // Written back as typed, so the editor round-trips.
    List<FieldError> again = new ArrayList<>();
    assertThat(ProfileInput.skills(ProfileInput.skillLines(skills), again)).isEqualTo(skills);
    assertThat(again).isEmpty();
  }

  @Test
  void aLineWithoutAKnownKindIsAnErrorAtItsIndex() {
    List<FieldError> errors = new ArrayList<>();
    List<Skill> skills =
        ProfileInput.skills("type: dryer\nwashing machines\nwizardry: wands", errors);
    assertThat(skills).containsExactly(new Skill(SkillKind.TYPE, "dryer"));
    assertThat(errors).extracting(FieldError::field).containsExactly("skills[1]", "skills[2]");
    assertThat(errors.get(1).message()).contains("issue, model, brand, type, area");
  }

  @Test
  void languagesAreSplitOnCommasAndSpaces() {
    assertThat(ProfileInput.languages(" en, de  fr,,")).containsExactly("en", "de", "fr");
    assertThat(ProfileInput.languages("")).isEmpty();
  }

  @Test
  void coordinatesComeInPairsOfNumbers() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(ProfileInput.coordinates(" 52.52", "13.4 ", errors))
        .contains(new Coordinates(52.52, 13.4));
    assertThat(ProfileInput.coordinates("", " ", errors)).isEmpty();
    assertThat(errors).isEmpty();
    assertThat(ProfileInput.coordinates("52", "", errors)).isEmpty();
    assertThat(ProfileInput.coordinates("north", "1", errors)).isEmpty();
    assertThat(ProfileInput.coordinates("NaN", "1", errors)).isEmpty();
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("longitude", "latitude", "latitude");
  }
}
