package io.fixfinder.store.helpers;

import java.util.Locale;

/** Where an account stands: listed only when {@link #ACTIVE}. Suspension outranks verification. */
public enum HelperStatus {
  UNVERIFIED,
  ACTIVE,
  SUSPENDED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static HelperStatus of(boolean verified, boolean suspended) {
    if (suspended) return SUSPENDED;
    return verified ? ACTIVE : UNVERIFIED;
  }
}
