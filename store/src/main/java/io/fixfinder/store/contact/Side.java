package io.fixfinder.store.contact;

import java.util.Locale;

/** Which party of a request wrote a message or revealed a channel. */
public enum Side {
  CUSTOMER,
  HELPER;

  /** The value stored in the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Side fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
