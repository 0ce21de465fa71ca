package io.fixfinder.store.contact;

import java.util.Locale;
import java.util.Optional;

/**
 * A contact channel one side may reveal: an email address, a phone number (the caller normalises
 * it, e.g. to E.164) or an https video-call link.
 */
public enum ChannelKind {
  EMAIL,
  PHONE,
  VIDEO;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind for a wire value ({@code email}, {@code phone}, {@code video}). */
  public static Optional<ChannelKind> fromWire(String s) {
    for (ChannelKind k : values()) if (k.wire().equals(s)) return Optional.of(k);
    return Optional.empty();
  }
}
