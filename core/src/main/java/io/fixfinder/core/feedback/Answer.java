package io.fixfinder.core.feedback;

import java.util.Locale;
import java.util.Optional;

/** The answer to "did this fix it?". */
public enum Answer {
  YES,
  NO,
  PARTLY;

  /** The wire and database form: {@code yes}, {@code no}, {@code partly}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The answer for its wire form (exact, lower case), or empty. */
  public static Optional<Answer> fromWire(String s) {
    for (Answer a : values()) if (a.wire().equals(s)) return Optional.of(a);
    return Optional.empty();
  }
}
