package io.fixfinder.store.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be: 10 to 200 characters (counted as code points; long passphrases are
 * welcome, the upper bound only caps hashing work) and not the account's email address or its local
 * part. No composition rules: NIST SP 800-63B advises against them.
 */
public final class PasswordRules {
  public static final int MIN = 10;
  public static final int MAX = 200;

  private PasswordRules() {}

  /** Why {@code password} is refused for the account of {@code email}, or empty when it is fine. */
  public static Optional<FieldError> check(String password, EmailAddress email) {
    if (password == null) return Optional.of(new FieldError("password", "a password is required"));
    int length = password.codePointCount(0, password.length());
    if (length < MIN) {
      return Optional.of(
          new FieldError("password", "a password needs at least " + MIN + " characters"));
    }
    if (length > MAX) {
      return Optional.of(
          new FieldError("password", "a password may have at most " + MAX + " characters"));
    }
    String p = password.strip().toLowerCase(Locale.ROOT);
    if (List.of(email.value(), email.localPart()).contains(p)) {
      return Optional.of(new FieldError("password", "the password must not be the email address"));
    }
    return Optional.empty();
  }
}
