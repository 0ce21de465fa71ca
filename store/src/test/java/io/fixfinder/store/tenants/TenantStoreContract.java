package io.fixfinder.store.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.changes.Change;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import io.fixfinder.store.crypto.SecretBox;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the tenant store must do on every engine: keys resolve to their tenant only while valid
 * (issued, not past a rotation's grace, the tenant not revoked), and the database holds no key,
 * only keyed hashes. A subclass says how to open a fresh database.
 */
abstract class TenantStoreContract {
  abstract String freshUrl() throws Exception;

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  final TenantRules rules = new TenantRules(Lexicon.builtIn());
  String url;
  Database db;
  TenantStore store;

  @BeforeEach
  void open() throws Exception {
    url = freshUrl();
    db = Database.open(url);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    store = new TenantStore(db, new SecretBox(key), clock);
  }

  @AfterEach
  void closeDb() {
    db.close();
  }

  IssuedKeys aqualine() {
    return store.create(
        rules.check(
            new TenantSpec(
                "Aqualine Support",
                List.of("aqualine"),
                List.of(),
                List.of("https://help.aqualine.example", "http://localhost:8080"),
                120,
                10_000)));
  }

  @Test
  void aNewTenantsKeysResolveToItAndNothingElseDoes() {
    IssuedKeys issued = aqualine();
    assertThat(issued.publishableKey()).startsWith("pk_").hasSize(46);
    assertThat(issued.secretKey()).startsWith("sk_").hasSize(46);
    assertThat(issued.toString()).doesNotContain(issued.publishableKey(), issued.secretKey());
    KeyMatch pk = store.resolve(issued.publishableKey()).orElseThrow();
    assertThat(pk.kind()).isEqualTo(KeyKind.PUBLISHABLE);
    assertThat(pk.tenant().brands()).containsExactly("Aqualine");
    assertThat(pk.tenant().origins())
        .containsExactly("https://help.aqualine.example", "http://localhost:8080");
    assertThat(pk.expires()).isEmpty();
    assertThat(store.resolve(issued.secretKey()).orElseThrow().kind()).isEqualTo(KeyKind.SECRET);
    // the same random part under the other prefix is another key, unknown
    assertThat(store.resolve("sk_" + issued.publishableKey().substring(3))).isEmpty();
    assertThat(store.resolve("pk_" + "A".repeat(43))).isEmpty();
    assertThat(store.resolve("pk_short")).isEmpty();
    assertThat(store.resolve("")).isEmpty();
    assertThat(store.resolve(null)).isEmpty();
  }

  @Test
  void theDatabaseHoldsOnlyKeyedHashesOfKeys() throws Exception {
    IssuedKeys issued = aqualine();
    List<String> texts = new ArrayList<>();
    db.read(c -> check(c, texts));
    for (String key : List.of(issued.publishableKey(), issued.secretKey())) {
      String random = key.substring(3);
      for (String t : texts) {
        assertThat(t).doesNotContain(random.substring(0, 12)).doesNotContain(random);
      }
      // not a plain hash either: the hash needs the installation's key
      assertThat(texts).doesNotContain(io.fixfinder.store.accounts.Tokens.hash(key));
    }
  }

  /** Every value of the tenant tables as text into {@code texts}; each key_hash is 64 hex. */
  private static Void check(Connection c, List<String> texts) throws java.sql.SQLException {
    try (Statement st = c.createStatement()) {
      for (String table : List.of("tenant", "tenant_key")) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) for (int i = 1; i <= n; i++) texts.add(String.valueOf(rs.getObject(i)));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT key_hash FROM tenant_key")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(rs.getString(1)).matches("[0-9a-f]{64}");
        }
        assertThat(rows).isEqualTo(2);
      }
    }
    return null;
  }

  @Test
  void aRotatedKeyWorksUntilItsGraceEndsThenOnlyTheNewOnesDo() {
    IssuedKeys old = aqualine();
    String id = old.tenant().id();
    IssuedKeys fresh = store.rotate(id, Duration.ofHours(24)).orElseThrow();
    assertThat(fresh.publishableKey()).isNotEqualTo(old.publishableKey());
    KeyMatch inGrace = store.resolve(old.publishableKey()).orElseThrow();
    assertThat(inGrace.expires()).contains(clock.instant().plus(Duration.ofHours(24)));
    assertThat(store.resolve(old.secretKey())).isPresent();
    assertThat(store.resolve(fresh.publishableKey())).isPresent();
    TenantSummary listed = store.list().getFirst();
    assertThat(listed.currentKeys()).isEqualTo(2);
    assertThat(listed.keysInGrace()).isEqualTo(2);

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(store.resolve(old.publishableKey())).isEmpty();
    assertThat(store.resolve(old.secretKey())).isEmpty();
    assertThat(store.resolve(fresh.publishableKey())).isPresent();
    assertThat(store.list().getFirst().keysInGrace()).isZero();
  }

  @Test
  void aRotationWithoutGraceRefusesTheOldKeysAtOnce() {
    IssuedKeys old = aqualine();
    IssuedKeys fresh = store.rotate(old.tenant().id(), Duration.ZERO).orElseThrow();
    assertThat(store.resolve(old.publishableKey())).isEmpty();
    assertThat(store.resolve(fresh.secretKey())).isPresent();
  }

  @Test
  void aRevokedTenantsKeysAreRefusedAndCannotBeRotatedBack() {
    IssuedKeys issued = aqualine();
    String id = issued.tenant().id();
    IssuedKeys rotated = store.rotate(id, Duration.ofDays(7)).orElseThrow();
    assertThat(store.revoke(id)).isTrue();
    assertThat(store.revoke(id)).isFalse();
    for (String k :
        List.of(
            issued.publishableKey(),
            issued.secretKey(),
            rotated.publishableKey(),
            rotated.secretKey())) {
      assertThat(store.resolve(k)).isEmpty();
    }
    assertThat(store.rotate(id, Duration.ZERO)).isEmpty();
    assertThat(store.find(id).orElseThrow().revoked()).contains(clock.instant());
    assertThat(store.activeOrigins()).isEmpty();
    assertThat(store.revoke("tn_nosuchtenant")).isFalse();
    assertThat(store.rotate("tn_nosuchtenant", Duration.ZERO)).isEmpty();
  }

  @Test
  void activeOriginsAreEveryActiveTenantsOrigins() {
    aqualine();
    store.create(
        rules.check(
            new TenantSpec(
                "Kesseler",
                List.of("Kesseler"),
                List.of("brewster-br990"),
                List.of("https://KESSELER.example:443"),
                60,
                100)));
    assertThat(store.activeOrigins())
        .containsExactlyInAnyOrder(
            "https://help.aqualine.example", "http://localhost:8080", "https://kesseler.example");
    assertThat(store.list()).hasSize(2);
    // created in the same millisecond: ordered by id then, so found by name here
    assertThat(
            store.list().stream()
                .filter(t -> t.tenant().name().equals("Kesseler"))
                .findFirst()
                .orElseThrow()
                .tenant()
                .products())
        .containsExactly("brewster-br990");
    assertThat(store.find("tn_none")).isEqualTo(Optional.empty());
  }

  @Test
  void rulesRefuseWhatWouldMatchNothingOrCannotBeAnOrigin() {
    assertThatThrownBy(() -> rules.check(spec("Acme", List.of("Nobrand"), List.of(), List.of())))
        .hasMessageContaining("'Nobrand' is not a brand");
    assertThatThrownBy(
            () -> rules.check(spec("Acme", List.of(), List.of("aqualine-zz9"), List.of())))
        .hasMessageContaining("'aqualine-zz9' is not a product id");
    assertThatThrownBy(() -> rules.check(spec("Acme", List.of(), List.of(), List.of())))
        .hasMessageContaining("--brands or --products");
    assertThatThrownBy(() -> rules.check(spec(" ", List.of("Aqualine"), List.of(), List.of())))
        .hasMessageContaining("--name");
    for (String bad :
        List.of(
            "help.example.com",
            "ftp://example.com",
            "https://example.com/path",
            "https://user@example.com",
            "https://example.com?q=1",
            "*")) {
      assertThatThrownBy(
              () -> rules.check(spec("Acme", List.of("Aqualine"), List.of(), List.of(bad))))
          .as(bad)
          .isInstanceOf(TenantRules.Invalid.class)
          .hasMessageContaining("--origins");
    }
    TenantSpec ok =
        rules.check(
            spec(
                "Acme",
                List.of("AQUALINE,kesseler"),
                List.of("Aqualine-WM8420X"),
                List.of("HTTPS://Help.Example.com:443", "http://127.0.0.1:8081")));
    assertThat(ok.brands()).containsExactly("Aqualine", "Kesseler");
    assertThat(ok.products()).containsExactly("aqualine-wm8420x");
    assertThat(ok.origins()).containsExactly("https://help.example.com", "http://127.0.0.1:8081");
    assertThatThrownBy(
            () ->
                rules.check(
                    new TenantSpec("Acme", List.of("Aqualine"), List.of(), List.of(), 0, 10)))
        .hasMessageContaining("--rate-limit");
    assertThatThrownBy(
            () ->
                rules.check(
                    new TenantSpec("Acme", List.of("Aqualine"), List.of(), List.of(), 10, 0)))
        .hasMessageContaining("--quota");
  }

  static TenantSpec spec(String name, List<String> brands, List<String> products, List<String> o) {
    return new TenantSpec(name, brands, products, o, 60, 1000);
  }

  /** The tenant changes another process (a second handle) reads from the feed, as subjects. */
  static List<String> tenantChanges(ChangeFeed.Cursor cursor) {
    ChangeFeed.Polled polled = cursor.poll();
    assertThat(polled).isInstanceOf(ChangeFeed.Polled.Changes.class);
    return ((ChangeFeed.Polled.Changes) polled)
        .changes().stream().filter(c -> c.topic() == Topic.TENANT).map(Change::subject).toList();
  }

  @Test
  void creationRotationAndRevocationAreOnTheFeedOfAnotherProcess() {
    try (Database elsewhere = Database.open(url)) {
      ChangeFeed.Cursor cursor = new ChangeFeed(elsewhere).fromNow();
      String id = aqualine().tenant().id();
      assertThat(tenantChanges(cursor)).as("created: its origins are new").containsExactly(id);
      assertThat(store.rotate(id, Duration.ZERO)).isPresent();
      assertThat(store.rotate(id, Duration.ofHours(1))).isPresent();
      assertThat(tenantChanges(cursor)).as("two rotations").containsExactly(id, id);
      assertThat(store.rotate("tn_000000000000", Duration.ZERO)).isEmpty();
      assertThat(store.revoke("tn_000000000000")).isFalse();
      assertThat(tenantChanges(cursor)).as("no such tenant: nothing changed").isEmpty();
      assertThat(store.revoke(id)).isTrue();
      assertThat(store.revoke(id)).isFalse();
      assertThat(store.rotate(id, Duration.ZERO)).as("revoked: no new keys").isEmpty();
      assertThat(tenantChanges(cursor)).as("revoked, once").containsExactly(id);
    }
  }
}
