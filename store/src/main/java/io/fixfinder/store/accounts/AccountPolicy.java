package io.fixfinder.store.accounts;

import java.time.Duration;

/**
 * Lifetimes and limits of accounts, passed to {@link AccountStore} by the composition root.
 *
 * @param verifyTokenTtl how long an email-verification link works (default 48 h)
 * @param resetTokenTtl how long a password-reset link works (default 1 h: a reset link in a mailbox
 *     is a key to the account)
 * @param sessionIdle a session ends after this long without a request (default 12 h)
 * @param sessionAbsolute a session ends this long after login whatever happens (default 7 days)
 * @param throttleWindow failed logins count for this long (default 15 min)
 * @param maxFailuresPerAccount failures per account in the window before logins of that account are
 *     refused (default 5)
 * @param maxFailuresPerAddress failures per client address in the window (default 20: several
 *     people may share an address)
 */
public record AccountPolicy(
    Duration verifyTokenTtl,
    Duration resetTokenTtl,
    Duration sessionIdle,
    Duration sessionAbsolute,
    Duration throttleWindow,
    int maxFailuresPerAccount,
    int maxFailuresPerAddress) {

  public AccountPolicy {
    for (Duration d :
        new Duration[] {
          verifyTokenTtl, resetTokenTtl, sessionIdle, sessionAbsolute, throttleWindow
        }) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("account durations must be positive");
      }
    }
    if (sessionIdle.compareTo(sessionAbsolute) > 0) {
      throw new IllegalArgumentException("the idle timeout cannot exceed the absolute lifetime");
    }
    if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
      throw new IllegalArgumentException("throttle limits must be at least 1");
    }
  }

  public static AccountPolicy defaults() {
    return new AccountPolicy(
        Duration.ofHours(48),
        Duration.ofHours(1),
        Duration.ofHours(12),
        Duration.ofDays(7),
        Duration.ofMinutes(15),
        5,
        20);
  }
}
