package io.fixfinder.store.contact;

import java.util.Locale;

/**
 * Where a request stands: {@code OPEN} until the helper accepts or declines; {@code ACCEPTED} while
 * the two talk; {@code CLOSED} once the customer gave the outcome; {@code DECLINED} is final.
 */
public enum RequestStatus {
  OPEN,
  ACCEPTED,
  DECLINED,
  CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RequestStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
