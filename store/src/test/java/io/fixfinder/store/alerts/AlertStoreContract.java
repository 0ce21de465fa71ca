package io.fixfinder.store.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the alert store must do on every engine: targets sealed at rest, the signing secret kept
 * across saves, and each alert claimed by exactly one caller, once per re-arm period.
 */
abstract class AlertStoreContract {
  abstract String freshUrl() throws Exception;

  static final LocalDate DAY = LocalDate.parse("2026-03-10");
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));
  Database db;
  TenantStore tenants;
  AlertStore store;
  String tenant;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(freshUrl());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SecretBox box = new SecretBox(key);
    tenants = new TenantStore(db, box, clock);
    tenant = newTenant("Aqualine Support");
    store = new AlertStore(db, box, clock);
  }

  String newTenant(String name) {
    return tenants
        .create(
            new TenantRules(Lexicon.builtIn())
                .check(
                    new TenantSpec(
                        name,
                        List.of("Aqualine"),
                        List.of(),
                        List.of("https://help.aqualine.example"),
                        120,
                        10_000)))
        .tenant()
        .id();
  }

  @AfterEach
  void closeDb() {
    db.close();
  }

  @Test
  void settingsRoundTripSealedAndTheSigningSecretIsKept() throws Exception {
    assertThat(store.find(tenant)).isEmpty();
    AlertSettings first =
        store.save(
            tenant,
            Optional.of("https://hooks.aqualine.example/fixfinder"),
            Optional.of("support@aqualine.example"),
            2.5);
    assertThat(first.webhookUrl()).contains("https://hooks.aqualine.example/fixfinder");
    assertThat(first.email()).contains("support@aqualine.example");
    assertThat(first.minGrowth()).isEqualTo(2.5);
    assertThat(first.signingSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
    assertThat(first.toString()).doesNotContain("aqualine.example").doesNotContain("whsec_");

    AlertSettings second = store.save(tenant, Optional.empty(), Optional.of("ops@aq.example"), 3);
    assertThat(second.signingSecret()).isEqualTo(first.signingSecret());
    assertThat(second.webhookUrl()).isEmpty();
    assertThat(store.find(tenant)).contains(second);

    // nothing readable at rest
    String raw = dump("SELECT webhook_url, email, signing_secret FROM alert_settings");
    assertThat(raw).doesNotContain("aq.example").doesNotContain(first.signingSecret());
    assertThat(raw).contains("v1.");
  }

  @Test
  void badThresholdsAndTargetsAreRefused() {
    assertThatThrownBy(() -> store.save(tenant, Optional.empty(), Optional.of("a@b.example"), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.save(tenant, Optional.empty(), Optional.of("a@b.example"), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.save(tenant, Optional.of(" "), Optional.empty(), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(tenant)).isEmpty();
  }

  @Test
  void activeListsTenantsWithATargetAndNotRevoked() {
    String other = newTenant("Other Co");
    String revoked = newTenant("Gone Co");
    store.save(tenant, Optional.of("https://h.example/x"), Optional.empty(), 2);
    store.save(other, Optional.empty(), Optional.empty(), 2);
    store.save(revoked, Optional.empty(), Optional.of("x@gone.example"), 2);
    tenants.revoke(revoked);
    assertThat(store.active()).extracting(AlertSettings::tenantId).containsExactly(tenant);
    assertThat(store.clear(tenant)).isTrue();
    assertThat(store.active()).isEmpty();
    assertThat(store.clear(tenant)).isFalse();
  }

  @Test
  void anAlertIsClaimedOnceAndNotAgainUntilTheRearmPeriodIsOver() {
    assertThat(store.claim(tenant, "iss-hinge", DAY, 28)).isTrue();
    assertThat(store.claim(tenant, "iss-hinge", DAY, 28)).isFalse();
    // still flagged the next days: no new alert
    assertThat(store.claim(tenant, "iss-hinge", DAY.plusDays(1), 28)).isFalse();
    assertThat(store.claim(tenant, "iss-hinge", DAY.plusDays(27), 28)).isFalse();
    // another issue is its own alert
    assertThat(store.claim(tenant, "iss-drain", DAY.plusDays(1), 28)).isTrue();
    // flagged again once the first alert's window is history
    assertThat(store.claim(tenant, "iss-hinge", DAY.plusDays(28), 28)).isTrue();

    store.record(tenant, "iss-hinge", DAY, AlertClaim.Outcome.SENT);
    store.record(tenant, "iss-drain", DAY.plusDays(1), AlertClaim.Outcome.FAILED);
    assertThat(store.claims(tenant, 10))
        .extracting(AlertClaim::issueId, AlertClaim::windowEnd, AlertClaim::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "iss-hinge", DAY.plusDays(28), AlertClaim.Outcome.CLAIMED),
            org.assertj.core.groups.Tuple.tuple(
                "iss-drain", DAY.plusDays(1), AlertClaim.Outcome.FAILED),
            org.assertj.core.groups.Tuple.tuple("iss-hinge", DAY, AlertClaim.Outcome.SENT));
  }

  @Test
  void ofManyProcessesClaimingAtOnceExactlyOneWins() throws Exception {
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        tasks.add(() -> store.claim(tenant, "iss-spin", DAY, 28));
      }
      int won = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) if (f.get()) won++;
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private String dump(String sql) throws Exception {
    StringBuilder out = new StringBuilder();
    db.read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(rs.getString(i)).append('|');
              }
            }
          }
          return null;
        });
    return out.toString();
  }
}
