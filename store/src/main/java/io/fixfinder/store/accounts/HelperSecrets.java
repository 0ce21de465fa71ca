package io.fixfinder.store.accounts;

import io.fixfinder.store.crypto.SecretBox;

/**
 * Where each sealed or blind-indexed value of a helper is bound: the contexts and purposes are part
 * of the stored data (a value sealed under one context opens under no other), so they never change.
 */
public final class HelperSecrets {
  /** Blind-index purpose of the normalised login email ({@code helper.email_index}). */
  public static final String EMAIL_INDEX = "helper.email";

  /** Blind-index purpose of a client address in the login throttle. */
  public static final String ADDRESS_INDEX = "helper.login.address";

  private HelperSecrets() {}

  /** The seal context of a helper's login email. */
  public static String emailContext(String helperId) {
    return "helper.email:" + helperId;
  }

  /**
   * The seal context of a helper's contact channel ({@code email}, {@code phone}, {@code video}).
   */
  public static String channelContext(String kind, String helperId) {
    return "helper.channel:" + kind + ":" + helperId;
  }

  public static String emailIndex(SecretBox box, EmailAddress email) {
    return box.blindIndex(EMAIL_INDEX, email.value());
  }
}
