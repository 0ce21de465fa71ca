package io.fixfinder.core.helpers;

import java.util.Locale;

/**
 * What a skill names, most specific first: the declaration order is the order of precedence in
 * matching (a helper who fixed this very issue fits better than one who knows the brand).
 */
public enum SkillKind {
  /** An issue cluster id ({@code iss-} and 12 hex digits), as {@code IssueCluster.id()}. */
  ISSUE("issue"),
  /** A normalised model number as the lexicon writes it ({@code WM-8420X}). */
  MODEL("model"),
  /** A brand name as the lexicon writes it ({@code Aqualine}). */
  BRAND("brand"),
  /** A product type id of the lexicon ({@code washing-machine}). */
  TYPE("type"),
  /** A fault area id ({@code fa-} and 12 hex digits), see {@link Skill#faultAreaId}. */
  AREA("area");

  private final String key;

  SkillKind(String key) {
    this.key = key;
  }

  /** The stable key stored in the database and used in URLs ({@code issue}, {@code model}...). */
  public String key() {
    return key;
  }

  /**
   * The kind for a stored key.
   *
   * @throws IllegalArgumentException naming the bad key and the valid ones
   */
  public static SkillKind fromKey(String key) {
    String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    for (SkillKind kind : values()) {
      if (kind.key.equals(k)) return kind;
    }
    throw new IllegalArgumentException(
        "unknown skill kind '" + key + "': expected one of issue, model, brand, type, area");
  }
}
