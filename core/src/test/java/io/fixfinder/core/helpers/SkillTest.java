package io.fixfinder.core.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkillTest {

  @Test
  void faultAreaIdsAreTheIndexersIds() {
    // computed outside Java: sha256("washing-machine\u0001water")[:12], as ClusterStore does
    assertThat(Skill.faultAreaId("washing-machine", "water")).isEqualTo("fa-2033e06d65cc");
  }

  @Test
  void kindsByStoredKey() {
    for (SkillKind k : SkillKind.values()) assertThat(SkillKind.fromKey(k.key())).isEqualTo(k);
    assertThat(SkillKind.fromKey(" Brand ")).isEqualTo(SkillKind.BRAND);
    assertThatThrownBy(() -> SkillKind.fromKey("colour"))
        .hasMessageContaining("unknown skill kind 'colour'")
        .hasMessageContaining("issue, model, brand, type, area");
  }

  @Test
  void valuesAreCheckedAndMatchedWithoutCase() {
    assertThat(Skill.brand(" Aqualine ").value()).isEqualTo("Aqualine");
    assertThat(Skill.brand("Aqualine").matchKey()).isEqualTo(Skill.brand("AQUALINE").matchKey());
    assertThat(Skill.model("LX-21 Pro").matchKey()).isEqualTo("model:lx-21 pro");
    assertThat(Skill.type("washing-machine").toString()).isEqualTo("type:washing-machine");
    assertThatThrownBy(() -> Skill.issue("E18"))
        .hasMessageContaining("'E18' is not an id of the form iss-");
    assertThatThrownBy(() -> Skill.area("iss-0123456789ab")).hasMessageContaining("fa-<12 hex>");
    assertThatThrownBy(() -> Skill.type("Washing Machine"))
        .hasMessageContaining("is not a type id");
    assertThatThrownBy(() -> Skill.brand("  ")).hasMessageContaining("empty brand skill");
    assertThatThrownBy(() -> Skill.model("x".repeat(81))).hasMessageContaining("longer than 80");
    assertThatThrownBy(() -> Skill.brand("Aqua\u0000line"))
        .hasMessageContaining("control character");
  }
}
