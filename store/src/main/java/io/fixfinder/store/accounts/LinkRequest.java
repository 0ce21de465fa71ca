package io.fixfinder.store.accounts;

/**
 * The outcome of asking for a mailed link ({@link AccountStore#requestReset}, {@link
 * AccountStore#resendVerification}). The person asking must see the same answer either way.
 */
public sealed interface LinkRequest {
  /** Mail {@code token} in a link to the account's address. */
  record Issued(String helperId, EmailAddress to, String token) implements LinkRequest {
    @Override
    public String toString() {
      return "Issued[" + helperId + "]";
    }
  }

  /** No link is due (no such account, or nothing to verify): mail nothing. */
  record NotIssued() implements LinkRequest {}
}
