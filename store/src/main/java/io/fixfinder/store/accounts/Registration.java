package io.fixfinder.store.accounts;

import java.util.List;

/**
 * The outcome of {@link AccountStore#register}. {@link NewAccount} and {@link ExistingAccount} must
 * look the same to the person registering ("check your mail"), so that the form does not tell who
 * has an account: the caller mails a verification link for the first, and a "you already have an
 * account (reset your password here)" note for the second.
 */
public sealed interface Registration {
  /** An unverified helper was created; mail {@code verificationToken} in a link. */
  record NewAccount(String helperId, String verificationToken) implements Registration {
    @Override
    public String toString() {
      return "NewAccount[" + helperId + "]";
    }
  }

  /** The address already has an account: nothing changed. */
  record ExistingAccount(String helperId, boolean verified) implements Registration {}

  /** The input was refused; nothing was stored. */
  record Invalid(List<FieldError> errors) implements Registration {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
