package io.fixfinder.store.accounts;

import java.util.List;

/** The outcome of {@link AccountStore#changePassword}. */
public sealed interface PasswordChange {
  /** Changed; every other session of the helper was ended, {@code session} is a fresh one. */
  record Changed(NewSession session) implements PasswordChange {}

  record WrongPassword() implements PasswordChange {}

  record Invalid(List<FieldError> errors) implements PasswordChange {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
