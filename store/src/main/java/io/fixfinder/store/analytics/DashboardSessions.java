package io.fixfinder.store.analytics;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Company admins' dashboard sessions: opened after they paste their tenant's secret key, ended by
 * signing out, by expiry or by the tenant's revocation. The tokens are 32 random bytes; the table
 * holds their SHA-256 only (a random token needs no slow hash), so neither a copy of the database
 * nor a log of it signs anyone in.
 */
public final class DashboardSessions {
  /** A session just opened: the two tokens are handed out once, here. */
  public record Opened(String token, String csrf, long expiresAtMs) {}

  /** A session found by its token. */
  public record Found(String tenantId, long expiresAtMs, String csrfHash) {
    /** Whether {@code csrf} is this session's CSRF token, compared in constant time. */
    public boolean csrfMatches(String csrf) {
      if (csrf == null) return false;
      return MessageDigest.isEqual(
          csrfHash.getBytes(StandardCharsets.US_ASCII),
          sha256(csrf).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;

  public DashboardSessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Opened open(String tenantId, Duration lifetime) {
    String token = random();
    String csrf = random();
    long expires = clock.millis() + lifetime.toMillis();
    db.transaction(
        c ->
            Jdbc.update(
                c,
                "INSERT INTO dashboard_session (token_hash, tenant_id, csrf_hash, expires_at_ms)"
                    + " VALUES (?, ?, ?, ?)",
                sha256(token),
                tenantId,
                sha256(csrf),
                expires));
    return new Opened(token, csrf, expires);
  }

  /** The live session of this token whose tenant is not revoked, else empty. */
  public Optional<Found> find(String token) {
    if (token == null || token.length() != 43) return Optional.empty();
    return db.read(
        c ->
            Jdbc.one(
                c,
                "SELECT s.tenant_id, s.expires_at_ms, s.csrf_hash FROM dashboard_session s JOIN"
                    + " tenant t ON t.id = s.tenant_id WHERE s.token_hash = ? AND s.expires_at_ms"
                    + " > ? AND t.revoked_at_ms IS NULL",
                rs -> new Found(rs.getString(1), rs.getLong(2), rs.getString(3)),
                sha256(token),
                clock.millis()));
  }

  /** Ends the session of this token (nothing when there is none). */
  public void close(String token) {
    if (token == null) return;
    db.transaction(
        c -> Jdbc.update(c, "DELETE FROM dashboard_session WHERE token_hash = ?", sha256(token)));
  }

  /** Deletes expired sessions; how many. */
  public int purgeExpired() {
    return db.transaction(
        c ->
            Jdbc.update(
                c, "DELETE FROM dashboard_session WHERE expires_at_ms <= ?", clock.millis()));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
