package io.fixfinder.store.accounts;

import java.time.Duration;

/**
 * The outcome of {@link AccountStore#login}. A wrong password and an unknown address are one answer
 * ({@link BadCredentials}), so the form does not tell who has an account.
 */
public sealed interface LoginResult {
  record LoggedIn(NewSession session) implements LoginResult {}

  record BadCredentials() implements LoginResult {}

  /** Too many failures for this account or address: try again after {@code retryAfter}. */
  record Throttled(Duration retryAfter) implements LoginResult {
    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  /** The password was right but an operator suspended the account. */
  record Suspended() implements LoginResult {}
}
