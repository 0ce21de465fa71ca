package io.fixfinder.store.tenants;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tenants and their keys. A key is 32 random bytes after its kind's prefix ({@code pk_}, {@code
 * sk_}); the database holds only its HMAC-SHA-256 under a key derived from the installation's
 * secret key ({@link SecretBox#blindIndex}), so neither a copy of the database nor its backups give
 * a usable key, and a key is found by its hash and then compared in constant time. Keys are
 * returned once, by {@link #create} and {@link #rotate}, and never again.
 *
 * <p>Creating a tenant, rotating its keys and revoking it go on the change feed ({@link
 * Topic#TENANT}) in the same transaction, so every running server drops what it cached of the
 * tenant (its keys, the origins CORS allows) at its next poll, not when its cache expires.
 */
public final class TenantStore {
  /** The HMAC's purpose: a hash of a key is good for nothing else. */
  static final String PURPOSE = "tenant.api-key";

  /** The shape of a key; anything else is refused before any hashing or query. */
  private static final Pattern KEY = Pattern.compile("(pk|sk)_[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  public TenantStore(Database db, SecretBox box, Clock clock) {
    this.db = db;
    this.box = box;
    this.clock = clock;
  }

  /** A new tenant from a spec already {@link TenantRules#check checked}, with its two keys. */
  public IssuedKeys create(TenantSpec spec) {
    String id = "tn_" + HexFormat.of().formatHex(randomBytes(6));
    long now = clock.millis();
    String pk = newKey(KeyKind.PUBLISHABLE);
    String sk = newKey(KeyKind.SECRET);
    db.transaction(
        c -> {
          Jdbc.update(
              c,
              "INSERT INTO tenant (id, name, brands, products, origins, rate_limit_per_minute,"
                  + " daily_quota, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              id,
              spec.name(),
              lines(spec.brands()),
              lines(spec.products()),
              lines(spec.origins()),
              spec.rateLimitPerMinute(),
              spec.dailyQuota(),
              now);
          insertKey(c, id, pk, KeyKind.PUBLISHABLE, now);
          insertKey(c, id, sk, KeyKind.SECRET, now);
          // its origins join what CORS preflights may get
          ChangeFeed.append(c, Topic.TENANT, id, clock);
          return null;
        });
    return new IssuedKeys(find(id).orElseThrow(), pk, sk);
  }

  /** The tenant with this id, revoked or not. */
  public Optional<Tenant> find(String id) {
    return db.read(c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM tenant WHERE id = ?", T::row, id));
  }

  /** Every tenant, oldest first, with how many keys it holds now; never a key. */
  public List<TenantSummary> list() {
    long now = clock.millis();
    return db.read(
        c -> {
          List<Tenant> all =
              Jdbc.list(c, "SELECT " + COLUMNS + " FROM tenant ORDER BY created_at_ms, id", T::row);
          List<TenantSummary> out = new ArrayList<>();
          for (Tenant t : all) {
            List<long[]> keys =
                Jdbc.list(
                    c,
                    "SELECT expires_at_ms FROM tenant_key WHERE tenant_id = ?",
                    rs -> {
                      long e = rs.getLong(1);
                      return new long[] {rs.wasNull() ? -1 : e};
                    },
                    t.id());
            int current = 0;
            int grace = 0;
            long until = -1;
            for (long[] k : keys) {
              if (k[0] == -1) current++;
              else if (k[0] > now) {
                grace++;
                until = Math.max(until, k[0]);
              }
            }
            out.add(
                new TenantSummary(
                    t,
                    current,
                    grace,
                    until < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until))));
          }
          return out;
        });
  }

  /**
   * New keys for the tenant; the current ones stay valid for {@code grace} more (zero: refused at
   * once), so a company can deploy the new key before the old one stops. Empty when there is no
   * such tenant or it is revoked. Keys rotated out before keep their own, earlier, end.
   */
  public Optional<IssuedKeys> rotate(String tenantId, Duration grace) {
    if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative");
    long now = clock.millis();
    long until = now + grace.toMillis();
    String pk = newKey(KeyKind.PUBLISHABLE);
    String sk = newKey(KeyKind.SECRET);
    boolean done =
        db.transaction(
            c -> {
              Optional<Tenant> t =
                  Jdbc.one(c, "SELECT " + COLUMNS + " FROM tenant WHERE id = ?", T::row, tenantId);
              if (t.isEmpty() || !t.get().active()) return false;
              Jdbc.update(
                  c,
                  "UPDATE tenant_key SET expires_at_ms = ? WHERE tenant_id = ? AND expires_at_ms"
                      + " IS NULL",
                  until,
                  tenantId);
              // keys past their grace are of no use to anyone: gone
              Jdbc.update(
                  c,
                  "DELETE FROM tenant_key WHERE tenant_id = ? AND expires_at_ms <= ?",
                  tenantId,
                  grace.isZero() ? now : now - 1);
              insertKey(c, tenantId, pk, KeyKind.PUBLISHABLE, now);
              insertKey(c, tenantId, sk, KeyKind.SECRET, now);
              // the old keys' cached "valid" must go: at once with no grace, else at its end
              ChangeFeed.append(c, Topic.TENANT, tenantId, clock);
              return true;
            });
    return done
        ? Optional.of(new IssuedKeys(find(tenantId).orElseThrow(), pk, sk))
        : Optional.empty();
  }

  /**
   * Refuses every key of the tenant from now on and deletes them; the tenant stays listed as
   * revoked. False when there is no such tenant or it was revoked already.
   */
  public boolean revoke(String tenantId) {
    long now = clock.millis();
    return db.transaction(
        c -> {
          int n =
              Jdbc.update(
                  c,
                  "UPDATE tenant SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL",
                  now,
                  tenantId);
          Jdbc.update(c, "DELETE FROM tenant_key WHERE tenant_id = ?", tenantId);
          if (n == 1) ChangeFeed.append(c, Topic.TENANT, tenantId, clock);
          return n == 1;
        });
  }

  /**
   * The tenant a key belongs to, when the key is valid now: well formed, issued, not past its
   * grace, its tenant not revoked. Empty for anything else, all alike.
   */
  public Optional<KeyMatch> resolve(String key) {
    if (key == null || !KEY.matcher(key).matches()) return Optional.empty();
    String hash = box.blindIndex(PURPOSE, key);
    long now = clock.millis();
    return db.read(
            c ->
                Jdbc.one(
                    c,
                    "SELECT k.key_hash, k.kind, k.expires_at_ms, "
                        + PREFIXED
                        + " FROM tenant_key k JOIN tenant t ON t.id = k.tenant_id WHERE k.key_hash"
                        + " = ?",
                    rs -> {
                      byte[] stored = rs.getString(1).getBytes(StandardCharsets.US_ASCII);
                      KeyKind kind = KeyKind.ofWire(rs.getString(2));
                      long expires = rs.getLong(3);
                      boolean current = rs.wasNull();
                      Tenant tenant = T.row(rs, 4);
                      // the index found the row; the comparison that decides takes constant time
                      boolean same =
                          MessageDigest.isEqual(stored, hash.getBytes(StandardCharsets.US_ASCII));
                      boolean valid =
                          same
                              && key.startsWith(kind.prefix())
                              && tenant.active()
                              && (current || expires > now);
                      return valid
                          ? Optional.of(
                              new KeyMatch(
                                  tenant,
                                  kind,
                                  current
                                      ? Optional.<Instant>empty()
                                      : Optional.of(Instant.ofEpochMilli(expires))))
                          : Optional.<KeyMatch>empty();
                    },
                    hash))
        .flatMap(m -> m);
  }

  /** Every origin some active tenant allows (a CORS preflight carries no key to tell whose). */
  public Set<String> activeOrigins() {
    return db.read(
        c -> {
          Set<String> out = new LinkedHashSet<>();
          for (String lines :
              Jdbc.list(
                  c,
                  "SELECT origins FROM tenant WHERE revoked_at_ms IS NULL",
                  rs -> rs.getString(1))) {
            out.addAll(split(lines));
          }
          return out;
        });
  }

  private void insertKey(java.sql.Connection c, String tenantId, String key, KeyKind kind, long now)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO tenant_key (key_hash, tenant_id, kind, created_at_ms) VALUES (?, ?, ?, ?)",
        box.blindIndex(PURPOSE, key),
        tenantId,
        kind.wire(),
        now);
  }

  private static String newKey(KeyKind kind) {
    return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static String lines(List<String> values) {
    return String.join("\n", values);
  }

  private static List<String> split(String lines) {
    if (lines == null || lines.isEmpty()) return List.of();
    return Arrays.stream(lines.split("\n")).filter(s -> !s.isEmpty()).toList();
  }

  private static final String COLUMNS =
      "id, name, brands, products, origins, rate_limit_per_minute, daily_quota, created_at_ms,"
          + " revoked_at_ms";
  private static final String PREFIXED =
      "t.id, t.name, t.brands, t.products, t.origins, t.rate_limit_per_minute, t.daily_quota,"
          + " t.created_at_ms, t.revoked_at_ms";

  /** Rows to tenants. */
  private static final class T {
    static Tenant row(ResultSet rs) throws SQLException {
      return row(rs, 1);
    }

    static Tenant row(ResultSet rs, int from) throws SQLException {
      long revoked = rs.getLong(from + 8);
      Optional<Instant> when =
          rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
      return new Tenant(
          rs.getString(from),
          rs.getString(from + 1),
          split(rs.getString(from + 2)),
          split(rs.getString(from + 3)),
          split(rs.getString(from + 4)),
          rs.getInt(from + 5),
          rs.getInt(from + 6),
          Instant.ofEpochMilli(rs.getLong(from + 7)),
          when);
    }
  }
}
