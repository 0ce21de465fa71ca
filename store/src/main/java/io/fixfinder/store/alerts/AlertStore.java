package io.fixfinder.store.alerts;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.crypto.SecretBox;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Tenants' alert settings and the alerts claimed (see {@code V6__alerts.sql}). Values are sealed
 * bound to their tenant and column, so a value copied to another row does not open. Callers check
 * targets (scheme, address) before {@link #save}; the store checks only what keeps its rows sane.
 */
public final class AlertStore {
  static final int MAX_TARGET = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  public AlertStore(Database db, SecretBox box, Clock clock) {
    this.db = db;
    this.box = box;
    this.clock = clock;
  }

  /** The tenant's settings, if it saved any. */
  public Optional<AlertSettings> find(String tenantId) {
    return db.read(
        c ->
            Jdbc.one(
                c,
                "SELECT " + COLUMNS + " FROM alert_settings WHERE tenant_id = ?",
                this::row,
                tenantId));
  }

  /**
   * Saves the tenant's targets and threshold, keeping its signing secret (a new one the first
   * time); the settings as stored.
   *
   * @throws IllegalArgumentException when the threshold is out of range or a target too long
   */
  public AlertSettings save(
      String tenantId, Optional<String> webhookUrl, Optional<String> email, double minGrowth) {
    if (!(minGrowth >= AlertSettings.MIN_GROWTH && minGrowth <= AlertSettings.MAX_GROWTH)) {
      throw new IllegalArgumentException(
          "minGrowth must be " + AlertSettings.MIN_GROWTH + "-" + AlertSettings.MAX_GROWTH);
    }
    for (Optional<String> t : List.of(webhookUrl, email)) {
      if (t.map(v -> v.isBlank() || v.length() > MAX_TARGET).orElse(false)) {
        throw new IllegalArgumentException("a target must be 1-" + MAX_TARGET + " characters");
      }
    }
    long now = clock.millis();
    db.transaction(
        c -> {
          Optional<String> secret =
              Jdbc.one(
                  c,
                  "SELECT signing_secret FROM alert_settings WHERE tenant_id = ?",
                  rs -> rs.getString(1),
                  tenantId);
          String sealedSecret =
              secret.orElseGet(() -> box.seal(newSecret(), context("secret", tenantId)));
          String url = webhookUrl.map(u -> box.seal(u, context("webhook", tenantId))).orElse("");
          String mail = email.map(m -> box.seal(m, context("email", tenantId))).orElse("");
          if (secret.isPresent()) {
            Jdbc.update(
                c,
                "UPDATE alert_settings SET webhook_url = ?, email = ?, min_growth = ?,"
                    + " updated_at_ms = ? WHERE tenant_id = ?",
                url,
                mail,
                minGrowth,
                now,
                tenantId);
          } else {
            Jdbc.update(
                c,
                "INSERT INTO alert_settings (tenant_id, webhook_url, email, signing_secret,"
                    + " min_growth, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                tenantId,
                url,
                mail,
                sealedSecret,
                minGrowth,
                now);
          }
          return null;
        });
    return find(tenantId).orElseThrow();
  }

  /**
   * Removes the tenant's settings (its past claims stay, so a re-enabled alert is not repeated).
   */
  public boolean clear(String tenantId) {
    return db.transaction(
            c -> Jdbc.update(c, "DELETE FROM alert_settings WHERE tenant_id = ?", tenantId))
        > 0;
  }

  /** Every tenant with a target, its keys not revoked: what an alert run visits. */
  public List<AlertSettings> active() {
    return db
        .read(
            c ->
                Jdbc.list(
                    c,
                    "SELECT "
                        + COLUMNS
                        + " FROM alert_settings a JOIN tenant t ON t.id = a.tenant_id WHERE"
                        + " t.revoked_at_ms IS NULL AND (a.webhook_url <> '' OR a.email <> '')"
                        + " ORDER BY a.tenant_id",
                    this::row))
        .stream()
        .filter(AlertSettings::hasTarget)
        .toList();
  }

  /**
   * Claims the alert for {@code issueId} flagged by the window ending {@code windowEnd}: true for
   * exactly one caller, and only when no alert for the issue was claimed in the {@code rearmDays}
   * days before (an issue that stays flagged day after day alerts once).
   */
  public boolean claim(String tenantId, String issueId, LocalDate windowEnd, int rearmDays) {
    return db.transaction(
        c -> {
          boolean recent =
              Jdbc.one(
                      c,
                      "SELECT 1 FROM alert_claim WHERE tenant_id = ? AND issue_id = ? AND"
                          + " window_end > ? AND window_end <> ?",
                      rs -> 1,
                      tenantId,
                      issueId,
                      windowEnd.minusDays(rearmDays).toString(),
                      windowEnd.toString())
                  .isPresent();
          if (recent) return false;
          // two processes racing on the same row: the primary key lets one in
          return Jdbc.update(
                  c,
                  "INSERT INTO alert_claim (tenant_id, issue_id, window_end, claimed_at_ms,"
                      + " outcome) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, issue_id,"
                      + " window_end) DO NOTHING",
                  tenantId,
                  issueId,
                  windowEnd.toString(),
                  clock.millis(),
                  AlertClaim.Outcome.CLAIMED.id())
              == 1;
        });
  }

  /** Records how sending a claimed alert ended. */
  public void record(
      String tenantId, String issueId, LocalDate windowEnd, AlertClaim.Outcome outcome) {
    db.transaction(
        c ->
            Jdbc.update(
                c,
                "UPDATE alert_claim SET outcome = ? WHERE tenant_id = ? AND issue_id = ? AND"
                    + " window_end = ?",
                outcome.id(),
                tenantId,
                issueId,
                windowEnd.toString()));
  }

  /** The tenant's alerts, newest first. */
  public List<AlertClaim> claims(String tenantId, int limit) {
    return db.read(
        c ->
            Jdbc.list(
                c,
                "SELECT issue_id, window_end, claimed_at_ms, outcome FROM alert_claim WHERE"
                    + " tenant_id = ? ORDER BY window_end DESC, issue_id LIMIT ?",
                rs ->
                    new AlertClaim(
                        tenantId,
                        rs.getString(1),
                        LocalDate.parse(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        AlertClaim.Outcome.of(rs.getString(4))),
                tenantId,
                limit));
  }

  private static final String COLUMNS =
      "tenant_id, webhook_url, email, signing_secret, min_growth, updated_at_ms";

  private AlertSettings row(ResultSet rs) throws SQLException {
    String tenantId = rs.getString(1);
    return new AlertSettings(
        tenantId,
        open(rs.getString(2), "webhook", tenantId),
        open(rs.getString(3), "email", tenantId),
        box.open(rs.getString(4), context("secret", tenantId)),
        rs.getDouble(5),
        Instant.ofEpochMilli(rs.getLong(6)));
  }

  private Optional<String> open(String sealed, String what, String tenantId) {
    return sealed == null || sealed.isEmpty()
        ? Optional.empty()
        : Optional.of(box.open(sealed, context(what, tenantId)));
  }

  private static String context(String what, String tenantId) {
    return "alert." + what + ":" + tenantId;
  }

  private static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
