package io.fixfinder.store.helpers;

import java.util.Objects;

/** One thing a helper can fix, keyed as the indexer keys it; checked by {@link ProfileRules}. */
public record Skill(SkillKind kind, String value) {
  public Skill {
    Objects.requireNonNull(kind, "skill kind");
    Objects.requireNonNull(value, "skill value");
  }
}
