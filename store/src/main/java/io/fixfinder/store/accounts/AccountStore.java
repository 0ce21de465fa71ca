package io.fixfinder.store.accounts;

import io.fixfinder.store.Database;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.crypto.SecretBox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Helper accounts: registration, email verification, password reset, login with throttling, and
 * sessions. Expected failures are values ({@link Registration}, {@link LoginResult}, {@link
 * TokenUse}, {@link LinkRequest}); a {@link io.fixfinder.store.StoreException} means the database
 * failed.
 *
 * <p>What is stored: the login email only sealed (context {@code helper.email:<id>}) plus its blind
 * index for lookup; the password as an Argon2id PHC string; link tokens and session tokens only as
 * SHA-256 hashes (the token itself is returned once, to be mailed or set as a cookie); client
 * addresses only as blind indexes, and only while they count in the throttle window.
 *
 * <p>Argon2 runs outside transactions, so a login does not hold SQLite's write lock while hashing.
 * The throttle's check and its record are not one transaction: a burst of parallel guesses can pass
 * the limit by at most the number of requests in flight, which the per-address limit and the
 * hashing cost keep small.
 */
public final class AccountStore {
  private static final String ACCOUNT = "account";
  private static final String ADDRESS = "address";
  private static final String VERIFY = "verify";
  private static final String RESET = "reset";
  // A session's last-seen time is written at most this often: not one write per request.
  private static final long TOUCH_INTERVAL_MS = 60_000;

  private final Database db;
  private final SecretBox box;
  private final PasswordHasher hasher;
  private final AccountPolicy policy;
  private final Clock clock;

  public AccountStore(
      Database db, SecretBox box, PasswordHasher hasher, AccountPolicy policy, Clock clock) {
    this.db = db;
    this.box = box;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
  }

  public AccountPolicy policy() {
    return policy;
  }

  /**
   * Creates an unverified helper, or reports that the address already has one (see {@link
   * Registration} for why both must look alike to the person registering). The password is hashed
   * in both cases, so the answer takes as long either way.
   */
  public Registration register(String email, String password, String displayName) {
    List<FieldError> errors = new ArrayList<>();
    Optional<EmailAddress> address = EmailAddress.parse(email);
    if (address.isEmpty()) {
      errors.add(new FieldError("email", "not a valid email address"));
    } else {
      PasswordRules.check(password, address.get()).ifPresent(errors::add);
    }
    DisplayNames.check(displayName).ifPresent(errors::add);
    if (!errors.isEmpty()) return new Registration.Invalid(errors);

    EmailAddress e = address.get();
    String phc = hasher.hash(password);
    String index = HelperSecrets.emailIndex(box, e);
    String id = Tokens.newId();
    String token = Tokens.newToken();
    long now = clock.millis();
    return db.transaction(
        c -> {
          int inserted =
              Jdbc.update(
                  c,
                  "INSERT INTO helper (id, email_index, email_sealed, password_hash, verified,"
                      + " suspended, display_name, bio, languages, country, city, latitude,"
                      + " longitude, remote, time_zone, weekly_hours, paused, created_at_ms,"
                      + " updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, '', '', '', '', ?, ?, ?,"
                      + " 'UTC', '', ?, ?, ?) ON CONFLICT (email_index) DO NOTHING",
                  id,
                  index,
                  box.seal(e.value(), HelperSecrets.emailContext(id)),
                  phc,
                  false,
                  false,
                  displayName.strip(),
                  null,
                  null,
                  false,
                  false,
                  now,
                  now);
          if (inserted == 0) {
            return Jdbc.one(
                    c,
                    "SELECT id, verified FROM helper WHERE email_index = ?",
                    rs ->
                        (Registration)
                            new Registration.ExistingAccount(rs.getString(1), rs.getBoolean(2)),
                    index)
                .orElseThrow(() -> new SQLException("helper vanished during registration"));
          }
          insertToken(c, token, id, VERIFY, now, policy.verifyTokenTtl());
          return new Registration.NewAccount(id, token);
        });
  }

  /** A fresh verification link for an unverified account (earlier links stop working). */
  public LinkRequest resendVerification(String email) {
    return issueLink(email, VERIFY, policy.verifyTokenTtl());
  }

  /**
   * A password-reset link for an account that is not suspended (earlier reset links stop working).
   */
  public LinkRequest requestReset(String email) {
    return issueLink(email, RESET, policy.resetTokenTtl());
  }

  private LinkRequest issueLink(String email, String purpose, Duration ttl) {
    Optional<EmailAddress> address = EmailAddress.parse(email);
    if (address.isEmpty()) return new LinkRequest.NotIssued();
    String index = HelperSecrets.emailIndex(box, address.get());
    String token = Tokens.newToken();
    long now = clock.millis();
    return db.transaction(
        c -> {
          record Account(String id, boolean verified, boolean suspended) {}
          Optional<Account> account =
              Jdbc.one(
                  c,
                  "SELECT id, verified, suspended FROM helper WHERE email_index = ?",
                  rs -> new Account(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)),
                  index);
          if (account.isEmpty() || account.get().suspended()) return new LinkRequest.NotIssued();
          if (purpose.equals(VERIFY) && account.get().verified()) {
            return new LinkRequest.NotIssued();
          }
          String id = account.get().id();
          Jdbc.update(
              c, "DELETE FROM helper_token WHERE helper_id = ? AND purpose = ?", id, purpose);
          insertToken(c, token, id, purpose, now, ttl);
          return new LinkRequest.Issued(id, address.get(), token);
        });
  }

  /** Marks the account of a verification link verified; the link is spent. */
  public TokenUse verifyEmail(String token) {
    if (!Tokens.plausible(token)) return new TokenUse.InvalidToken();
    long now = clock.millis();
    return db.transaction(
        c -> {
          Optional<String> id = spend(c, token, VERIFY, now);
          if (id.isEmpty()) return new TokenUse.InvalidToken();
          Jdbc.update(
              c,
              "UPDATE helper SET verified = ?, updated_at_ms = ? WHERE id = ?",
              true,
              now,
              id.get());
          // a verified helper is listable: every server's directory reads them at its next poll
          ChangeFeed.append(c, Topic.HELPER, "", clock);
          return new TokenUse.Done(id.get());
        });
  }

  /**
   * Sets a new password through a reset link. The link is spent only when the password is accepted;
   * every session of the helper ends, and the account counts as verified (the link proved the
   * mailbox).
   */
  public TokenUse completeReset(String token, String newPassword) {
    if (!Tokens.plausible(token)) return new TokenUse.InvalidToken();
    long now = clock.millis();
    String tokenHash = Tokens.hash(token);
    record Pending(String id, String emailSealed) {}
    Optional<Pending> pending =
        db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT h.id, h.email_sealed FROM helper_token t JOIN helper h"
                        + " ON h.id = t.helper_id WHERE t.token_hash = ? AND t.purpose = ?"
                        + " AND t.expires_at_ms > ?",
                    rs -> new Pending(rs.getString(1), rs.getString(2)),
                    tokenHash,
                    RESET,
                    now));
    if (pending.isEmpty()) {
      // As in spend(): an expired link presented is removed now, not at the next purge.
      db.transaction(
          c ->
              Jdbc.update(
                  c,
                  "DELETE FROM helper_token WHERE token_hash = ? AND expires_at_ms <= ?",
                  tokenHash,
                  now));
      return new TokenUse.InvalidToken();
    }
    String id = pending.get().id();
    EmailAddress email =
        new EmailAddress(box.open(pending.get().emailSealed(), HelperSecrets.emailContext(id)));
    Optional<FieldError> refused = PasswordRules.check(newPassword, email);
    if (refused.isPresent()) return new TokenUse.Invalid(List.of(refused.get()));
    String phc = hasher.hash(newPassword);
    return db.transaction(
        c -> {
          Optional<String> spent = spend(c, token, RESET, now);
          if (spent.isEmpty() || !spent.get().equals(id)) return new TokenUse.InvalidToken();
          Jdbc.update(
              c,
              "UPDATE helper SET password_hash = ?, verified = ?, updated_at_ms = ? WHERE id = ?",
              phc,
              true,
              now,
              id);
          Jdbc.update(c, "DELETE FROM helper_token WHERE helper_id = ? AND purpose = ?", id, RESET);
          Jdbc.update(c, "DELETE FROM helper_session WHERE helper_id = ?", id);
          Jdbc.update(
              c,
              "DELETE FROM login_failure WHERE kind = ? AND subject = ?",
              ACCOUNT,
              HelperSecrets.emailIndex(box, email));
          // the reset verified the account, which may make the helper listable
          ChangeFeed.append(c, Topic.HELPER, "", clock);
          return new TokenUse.Done(id);
        });
  }

  /**
   * Logs a helper in. {@code clientAddress} is the request's remote address (any stable client
   * key); it is kept only as a blind index. Refused before the password is checked when the account
   * or the address has had too many failures in the throttle window.
   */
  public LoginResult login(String email, String password, String clientAddress) {
    long now = clock.millis();
    Optional<EmailAddress> address = EmailAddress.parse(email);
    // An unparseable address still has a subject, so that it is throttled like any other.
    String accountSubject =
        address
            .map(a -> HelperSecrets.emailIndex(box, a))
            .orElseGet(() -> box.blindIndex(HelperSecrets.EMAIL_INDEX, String.valueOf(email)));
    String addressSubject =
        box.blindIndex(
            HelperSecrets.ADDRESS_INDEX, java.util.Objects.requireNonNullElse(clientAddress, ""));

    Optional<Duration> wait =
        db.read(
            c -> {
              Optional<Duration> a =
                  retryAfter(c, ACCOUNT, accountSubject, policy.maxFailuresPerAccount(), now);
              Optional<Duration> b =
                  retryAfter(c, ADDRESS, addressSubject, policy.maxFailuresPerAddress(), now);
              if (a.isEmpty()) return b;
              if (b.isEmpty()) return a;
              return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
            });
    if (wait.isPresent()) return new LoginResult.Throttled(wait.get());

    record Account(String id, String phc, boolean verified, boolean suspended) {}
    Optional<Account> account =
        db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT id, password_hash, verified, suspended FROM helper"
                        + " WHERE email_index = ?",
                    rs ->
                        new Account(
                            rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)),
                    accountSubject));
    String pw = password == null ? "" : password;
    boolean ok;
    if (account.isEmpty()) {
      hasher.burn(pw);
      ok = false;
    } else {
      ok = hasher.verify(pw, account.get().phc());
    }
    if (!ok) {
      db.transaction(
          c -> {
            recordFailure(c, ACCOUNT, accountSubject, now);
            recordFailure(c, ADDRESS, addressSubject, now);
            return null;
          });
      return new LoginResult.BadCredentials();
    }
    Account a = account.get();
    if (a.suspended()) return new LoginResult.Suspended();
    Optional<String> rehash =
        hasher.needsRehash(a.phc()) ? Optional.of(hasher.hash(pw)) : Optional.empty();
    NewSession session =
        db.transaction(
            c -> {
              Jdbc.update(
                  c,
                  "DELETE FROM login_failure WHERE kind = ? AND subject = ?",
                  ACCOUNT,
                  accountSubject);
              if (rehash.isPresent()) {
                Jdbc.update(
                    c,
                    "UPDATE helper SET password_hash = ? WHERE id = ? AND password_hash = ?",
                    rehash.get(),
                    a.id(),
                    a.phc());
              }
              return createSession(c, a.id(), a.verified(), now);
            });
    return new LoginResult.LoggedIn(session);
  }

  /**
   * The live session of a cookie's token, or empty when it is unknown, ended, past its idle or
   * absolute expiry, or its helper is suspended. Using a session moves its idle expiry on.
   */
  public Optional<Session> session(String token) {
    if (!Tokens.plausible(token)) return Optional.empty();
    String hash = Tokens.hash(token);
    long now = clock.millis();
    record Row(
        String helperId,
        String csrf,
        long created,
        long lastSeen,
        long expires,
        boolean verified,
        boolean suspended) {}
    Optional<Row> row =
        db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT s.helper_id, s.csrf_secret, s.created_at_ms, s.last_seen_at_ms,"
                        + " s.expires_at_ms, h.verified, h.suspended FROM helper_session s"
                        + " JOIN helper h ON h.id = s.helper_id WHERE s.token_hash = ?",
                    rs ->
                        new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getBoolean(6),
                            rs.getBoolean(7)),
                    hash));
    if (row.isEmpty()) return Optional.empty();
    Row r = row.get();
    long idle = policy.sessionIdle().toMillis();
    if (now >= r.expires() || now >= r.lastSeen() + idle || r.suspended()) {
      db.transaction(c -> Jdbc.update(c, "DELETE FROM helper_session WHERE token_hash = ?", hash));
      return Optional.empty();
    }
    long lastSeen = r.lastSeen();
    if (now - lastSeen >= TOUCH_INTERVAL_MS) {
      db.transaction(
          c ->
              Jdbc.update(
                  c,
                  "UPDATE helper_session SET last_seen_at_ms = ? WHERE token_hash = ?",
                  now,
                  hash));
      lastSeen = now;
    }
    return Optional.of(
        new Session(
            r.helperId(),
            r.csrf(),
            java.time.Instant.ofEpochMilli(r.created()),
            java.time.Instant.ofEpochMilli(Math.min(r.expires(), lastSeen + idle)),
            r.verified()));
  }

  /** Ends the session of {@code token} (nothing happens for an unknown one). */
  public void logout(String token) {
    if (!Tokens.plausible(token)) return;
    db.transaction(
        c -> Jdbc.update(c, "DELETE FROM helper_session WHERE token_hash = ?", Tokens.hash(token)));
  }

  /** Ends every session of the helper, this one included. */
  public void logoutEverywhere(Session session) {
    db.transaction(
        c -> Jdbc.update(c, "DELETE FROM helper_session WHERE helper_id = ?", session.helperId()));
  }

  /**
   * Changes the password of the logged-in helper, who must give the current one. Every session
   * ends; the returned one replaces the caller's.
   */
  public PasswordChange changePassword(Session session, String current, String newPassword) {
    String id = session.helperId();
    record Account(String phc, String emailSealed) {}
    Optional<Account> account =
        db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT password_hash, email_sealed FROM helper WHERE id = ?",
                    rs -> new Account(rs.getString(1), rs.getString(2)),
                    id));
    if (account.isEmpty()) return new PasswordChange.WrongPassword();
    if (!hasher.verify(current == null ? "" : current, account.get().phc())) {
      return new PasswordChange.WrongPassword();
    }
    EmailAddress email =
        new EmailAddress(box.open(account.get().emailSealed(), HelperSecrets.emailContext(id)));
    Optional<FieldError> refused = PasswordRules.check(newPassword, email);
    if (refused.isPresent()) return new PasswordChange.Invalid(List.of(refused.get()));
    String phc = hasher.hash(newPassword);
    long now = clock.millis();
    return db.transaction(
        c -> {
          Jdbc.update(
              c,
              "UPDATE helper SET password_hash = ?, updated_at_ms = ? WHERE id = ?",
              phc,
              now,
              id);
          Jdbc.update(c, "DELETE FROM helper_session WHERE helper_id = ?", id);
          Jdbc.update(c, "DELETE FROM helper_token WHERE helper_id = ? AND purpose = ?", id, RESET);
          return new PasswordChange.Changed(createSession(c, id, session.verified(), now));
        });
  }

  /**
   * The sign-in address of a listed helper (verified, not suspended), to tell them of a contact
   * request by mail. Only for the mailer: never for a response, a page or a log line.
   */
  public Optional<EmailAddress> mailAddressOfListed(String helperId) {
    if (helperId == null || helperId.isEmpty() || helperId.length() > 32) return Optional.empty();
    return db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT email_sealed FROM helper WHERE id = ? AND verified = ? AND suspended = ?",
                    rs -> rs.getString(1),
                    helperId,
                    true,
                    false))
        .map(enc -> new EmailAddress(box.open(enc, HelperSecrets.emailContext(helperId))));
  }

  /**
   * Deletes spent time: expired links and sessions, failures older than the throttle window. For a
   * scheduled job; the number of rows removed.
   */
  public int purgeExpired() {
    long now = clock.millis();
    return db.transaction(
        c ->
            Jdbc.update(c, "DELETE FROM helper_token WHERE expires_at_ms <= ?", now)
                + Jdbc.update(
                    c,
                    "DELETE FROM helper_session WHERE expires_at_ms <= ? OR last_seen_at_ms <= ?",
                    now,
                    now - policy.sessionIdle().toMillis())
                + Jdbc.update(
                    c,
                    "DELETE FROM login_failure WHERE at_ms <= ?",
                    now - policy.throttleWindow().toMillis()));
  }

  private NewSession createSession(Connection c, String helperId, boolean verified, long now)
      throws SQLException {
    String token = Tokens.newToken();
    String csrf = Tokens.newToken();
    long expires = now + policy.sessionAbsolute().toMillis();
    Jdbc.update(
        c,
        "INSERT INTO helper_session (token_hash, helper_id, csrf_secret, created_at_ms,"
            + " last_seen_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
        Tokens.hash(token),
        helperId,
        csrf,
        now,
        now,
        expires);
    long shown = Math.min(expires, now + policy.sessionIdle().toMillis());
    return new NewSession(
        token,
        new Session(
            helperId,
            csrf,
            java.time.Instant.ofEpochMilli(now),
            java.time.Instant.ofEpochMilli(shown),
            verified));
  }

  private static void insertToken(
      Connection c, String token, String helperId, String purpose, long now, Duration ttl)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO helper_token (token_hash, helper_id, purpose, created_at_ms, expires_at_ms)"
            + " VALUES (?, ?, ?, ?, ?)",
        Tokens.hash(token),
        helperId,
        purpose,
        now,
        now + ttl.toMillis());
  }

  /**
   * Deletes a live token of {@code purpose} and says whose it was. The DELETE decides: of two
   * concurrent uses only one deletes the row, so a link works once.
   */
  private static Optional<String> spend(Connection c, String token, String purpose, long now)
      throws SQLException {
    String hash = Tokens.hash(token);
    Optional<String> owner =
        Jdbc.one(
            c,
            "SELECT helper_id FROM helper_token WHERE token_hash = ? AND purpose = ?"
                + " AND expires_at_ms > ?",
            rs -> rs.getString(1),
            hash,
            purpose,
            now);
    if (owner.isEmpty()) {
      // An expired token is removed when presented, so it cannot linger until the next purge.
      Jdbc.update(
          c, "DELETE FROM helper_token WHERE token_hash = ? AND expires_at_ms <= ?", hash, now);
      return Optional.empty();
    }
    int deleted =
        Jdbc.update(
            c, "DELETE FROM helper_token WHERE token_hash = ? AND purpose = ?", hash, purpose);
    return deleted == 1 ? owner : Optional.empty();
  }

  private Optional<Duration> retryAfter(
      Connection c, String kind, String subject, int max, long now) throws SQLException {
    long window = policy.throttleWindow().toMillis();
    List<Long> times =
        Jdbc.list(
            c,
            "SELECT at_ms FROM login_failure WHERE kind = ? AND subject = ? AND at_ms > ?"
                + " ORDER BY at_ms",
            rs -> rs.getLong(1),
            kind,
            subject,
            now - window);
    if (times.size() < max) return Optional.empty();
    // Once the failure at this position leaves the window, fewer than max remain.
    long freeAt = times.get(times.size() - max) + window;
    return Optional.of(Duration.ofMillis(Math.max(1, freeAt - now)));
  }

  private void recordFailure(Connection c, String kind, String subject, long now)
      throws SQLException {
    Jdbc.update(
        c,
        "DELETE FROM login_failure WHERE kind = ? AND subject = ? AND at_ms <= ?",
        kind,
        subject,
        now - policy.throttleWindow().toMillis());
    Jdbc.update(
        c, "INSERT INTO login_failure (kind, subject, at_ms) VALUES (?, ?, ?)", kind, subject, now);
  }
}
