package io.fixfinder.store.accounts;

/**
 * A session just created: {@code token} goes into the cookie and is returned only this once (the
 * database keeps its hash).
 */
public record NewSession(String token, Session session) {
  @Override
  public String toString() {
    return "NewSession[" + session + "]";
  }
}
