package io.fixfinder.store.accounts;

import java.util.List;

/**
 * The outcome of using a single-use link ({@link AccountStore#verifyEmail}, {@link
 * AccountStore#completeReset}). An unknown, used and expired token are one answer: a link that does
 * not work says nothing about why.
 */
public sealed interface TokenUse {
  /** The token was valid and is now spent. */
  record Done(String helperId) implements TokenUse {}

  record InvalidToken() implements TokenUse {}

  /**
   * The token is valid but the input was refused; the token was not spent, so it can be retried.
   */
  record Invalid(List<FieldError> errors) implements TokenUse {
    public Invalid {
      errors = List.copyOf(errors);
    }
  }
}
