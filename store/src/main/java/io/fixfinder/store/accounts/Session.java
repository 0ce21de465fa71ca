package io.fixfinder.store.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * A live login, as {@link AccountStore#session} found it. Only this package creates one, so a
 * method that takes a {@code Session} acts for the helper who logged in, and for nobody else:
 * owner-only operations elsewhere take a session, never a bare helper id.
 */
public final class Session {
  private final String helperId;
  private final String csrfSecret;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final boolean verified;

  Session(
      String helperId, String csrfSecret, Instant createdAt, Instant expiresAt, boolean verified) {
    this.helperId = Objects.requireNonNull(helperId);
    this.csrfSecret = Objects.requireNonNull(csrfSecret);
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.verified = verified;
  }

  /** The helper who logged in. */
  public String helperId() {
    return helperId;
  }

  /**
   * The synchronizer token of this session: put it in every form and check it with {@link
   * #csrfMatches} on every state-changing request.
   */
  public String csrfSecret() {
    return csrfSecret;
  }

  /**
   * Whether {@code presented} is this session's CSRF secret (time independent of where it differs).
   */
  public boolean csrfMatches(String presented) {
    if (presented == null) return false;
    return MessageDigest.isEqual(
        csrfSecret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When the session ends unless used again (the earlier of idle and absolute expiry). */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Whether the helper has verified the email address (only then are they listed). */
  public boolean verified() {
    return verified;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Session s
        && helperId.equals(s.helperId)
        && csrfSecret.equals(s.csrfSecret)
        && Objects.equals(createdAt, s.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(helperId, createdAt);
  }

  @Override
  public String toString() {
    return "Session[helper=" + helperId + ", expires=" + expiresAt + "]";
  }
}
