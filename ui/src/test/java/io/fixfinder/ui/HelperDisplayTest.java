package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.helpers.match.HelperCard.SkillView;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelperDisplayTest {
  @Test
  void issuesAndFaultAreasAreNamedByTheirLabelsAndClaimNoFix() {
    Map<String, String> labels =
        Map.of("iss-0123456789ab", "Won't drain, E18", "fa-0123456789ab", "Water / drain");
    assertThat(HelperDisplay.skill(new SkillView("issue", "iss-0123456789ab"), labels))
        .isEqualTo("Issue: Won't drain, E18");
    assertThat(HelperDisplay.skill(new SkillView("area", "fa-0123456789ab"), labels))
        .isEqualTo("Fault area: Water / drain");
    // an id the index no longer knows is still shown as what it is
    assertThat(HelperDisplay.skill(new SkillView("issue", "iss-ffffffffffff")))
        .isEqualTo("Issue: iss-ffffffffffff");
    assertThat(HelperDisplay.skill(new SkillView("type", "washing-machine"), labels))
        .isEqualTo("Product: Washing machine");
  }
}
