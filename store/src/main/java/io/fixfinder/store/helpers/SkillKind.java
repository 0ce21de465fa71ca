package io.fixfinder.store.helpers;

import java.util.Locale;
import java.util.Optional;

/**
 * What a skill names, strongest match first: an issue cluster ({@code iss-…}), a model ({@code
 * WM-8420X}), a brand as in the lexicon ({@code Aqualine}), a product type key ({@code
 * washing-machine}) or a fault area ({@code fa-…}).
 */
public enum SkillKind {
  ISSUE,
  MODEL,
  BRAND,
  TYPE,
  AREA;

  /** The value in the database and on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SkillKind> fromWire(String s) {
    for (SkillKind k : values()) if (k.wire().equals(s)) return Optional.of(k);
    return Optional.empty();
  }
}
