package io.fixfinder.store.contact;

import java.util.Locale;
import java.util.Optional;

/** What the customer says when closing a request: the reputation signal. */
public enum FixOutcome {
  FIXED,
  NOT_FIXED,
  GAVE_UP;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome for a wire value ({@code fixed}, {@code not_fixed}, {@code gave_up}). */
  public static Optional<FixOutcome> fromWire(String s) {
    for (FixOutcome o : values()) if (o.wire().equals(s)) return Optional.of(o);
    return Optional.empty();
  }
}
