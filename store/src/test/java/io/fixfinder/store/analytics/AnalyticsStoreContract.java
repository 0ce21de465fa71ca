package io.fixfinder.store.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.security.SecureRandom;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the analytics store must do on every engine: counts add up in place, a text under the
 * minimum count is never returned and is gone once its day is rolled up, a personal-looking text is
 * never written, no table has a column for an address, a key or a user agent, and dashboard
 * sessions live by hash until they expire, are closed or their tenant is revoked.
 */
abstract class AnalyticsStoreContract {
  abstract String freshUrl() throws Exception;

  static final LocalDate DAY = LocalDate.parse("2026-03-01");
  Database db;
  AnalyticsStore store;
  TenantStore tenants;
  String tenant;
  final Instant now = Instant.parse("2026-03-01T10:00:00Z");

  @BeforeEach
  void open() throws Exception {
    db = Database.open(freshUrl());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    tenants = new TenantStore(db, new SecretBox(key), Clock.fixed(now, ZoneOffset.UTC));
    tenant =
        tenants
            .create(
                new TenantRules(Lexicon.builtIn())
                    .check(
                        new TenantSpec(
                            "Aqualine Support",
                            List.of("aqualine"),
                            List.of(),
                            List.of("https://help.aqualine.example"),
                            120,
                            10_000)))
            .tenant()
            .id();
    store = new AnalyticsStore(db);
  }

  @AfterEach
  void closeDb() {
    db.close();
  }

  AnalyticsStore.Batch batch(LocalDate day, String query, long searches, long unanswered) {
    return new AnalyticsStore.Batch(
        List.of(new AnalyticsStore.DayCount(tenant, day, searches, unanswered, 1)),
        List.of(new AnalyticsStore.QueryCount(tenant, day, query, searches, unanswered)),
        List.of(new AnalyticsStore.IssueCount(tenant, day, "iss-drain", searches, 1, 2, 1, 0)));
  }

  @Test
  void countsAddUpInPlace() {
    store.add(batch(DAY, "wont drain", 3, 1));
    store.add(batch(DAY, "wont drain", 4, 0));
    store.add(batch(DAY.plusDays(1), "wont drain", 2, 2));
    assertThat(store.days(tenant, DAY, DAY.plusDays(1)))
        .containsExactly(
            new AnalyticsStore.DayCount(tenant, DAY, 7, 1, 2),
            new AnalyticsStore.DayCount(tenant, DAY.plusDays(1), 2, 2, 1));
    assertThat(store.queries(tenant, DAY, DAY.plusDays(1), 5, false, 10))
        .containsExactly(new AnalyticsStore.QueryTotal("wont drain", 9, 3));
    assertThat(store.issues(tenant, DAY, DAY.plusDays(1)))
        .containsExactly(new AnalyticsStore.IssueTotal("iss-drain", 9, 3, 6, 3, 0));
    assertThat(store.issueDaily(tenant, DAY, DAY.plusDays(1)).get("iss-drain"))
        .containsEntry(DAY, 7L)
        .containsEntry(DAY.plusDays(1), 2L);
    // one row per tenant, day and text: counters, not requests
    assertThat(count("SELECT COUNT(*) FROM analytics_query_day")).isEqualTo(2);
  }

  @Test
  void theFirstDayIsTheEarliestCountedDay() {
    assertThat(store.firstDay(tenant)).isEmpty();
    store.add(batch(DAY.plusDays(3), "wont drain", 1, 0));
    store.add(batch(DAY, "wont drain", 1, 0));
    assertThat(store.firstDay(tenant)).contains(DAY);
  }

  @Test
  void aTextUnderTheMinimumIsNeverReturnedAndGoneAfterItsDayIsRolledUp() {
    store.add(batch(DAY, "rare words here", 4, 4));
    store.add(batch(DAY, "common fault", 6, 0));
    assertThat(store.queries(tenant, DAY, DAY, 5, false, 10))
        .extracting(AnalyticsStore.QueryTotal::query)
        .containsExactly("common fault");
    assertThat(store.queries(tenant, DAY, DAY, 5, true, 10)).isEmpty();
    // the day still open: kept (it may reach the minimum yet)
    store.rollUp(DAY, 5, 30, 400);
    assertThat(count("SELECT COUNT(*) FROM analytics_query_day")).isEqualTo(2);
    AnalyticsStore.RolledUp r = store.rollUp(DAY.plusDays(1), 5, 30, 400);
    assertThat(r.queryRows()).isEqualTo(1);
    assertThat(textsHeld()).doesNotContain("rare words here").contains("common fault");
    // its searches still count in the day's totals
    assertThat(store.days(tenant, DAY, DAY).get(0).searches()).isEqualTo(10);
    // every text goes after the text retention, every counter after the counters' retention
    store.rollUp(DAY.plusDays(31), 5, 30, 400);
    assertThat(textsHeld()).doesNotContain("common fault");
    assertThat(store.days(tenant, DAY, DAY)).hasSize(1);
    store.rollUp(DAY.plusDays(401), 5, 30, 400);
    assertThat(store.days(tenant, DAY, DAY)).isEmpty();
    assertThat(store.issues(tenant, DAY, DAY)).isEmpty();
  }

  @Test
  void aPersonalLookingTextIsNeverWrittenWhateverTheCallerPasses() {
    for (String personal :
        List.of("jane.doe@example.org", "call me 0612 345 678", "serial 123456789", "WONT DRAIN")) {
      store.add(batch(DAY, personal, 9, 0));
    }
    assertThat(textsHeld()).isEmpty();
    assertThat(store.days(tenant, DAY, DAY).get(0).searches()).isEqualTo(36);
  }

  @Test
  void noAnalyticsTableHasAColumnForAnAddressAKeyOrAnAgent() {
    List<String> columns = new ArrayList<>();
    db.read(
        c -> {
          for (String table : AnalyticsStore.tables()) {
            try (var st = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                var rs = st.executeQuery()) {
              ResultSetMetaData md = rs.getMetaData();
              for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
              }
            }
          }
          return null;
        });
    assertThat(columns).contains("tenant_id", "query", "issue_id");
    for (String column : columns) {
      assertThat(column)
          .doesNotContain("ip")
          .doesNotContain("addr")
          .doesNotContain("key")
          .doesNotContain("agent")
          .doesNotContain("client")
          .doesNotContain("time")
          .doesNotContain("_ms");
    }
  }

  @Test
  void sessionsLiveByHashUntilClosedExpiredOrRevoked() {
    MutableClock clock = new MutableClock(now);
    DashboardSessions sessions = new DashboardSessions(db, clock);
    DashboardSessions.Opened s = sessions.open(tenant, Duration.ofHours(8));
    assertThat(sessions.find(s.token())).map(DashboardSessions.Found::tenantId).contains(tenant);
    assertThat(sessions.find(s.token()).orElseThrow().csrfMatches(s.csrf())).isTrue();
    assertThat(sessions.find(s.token()).orElseThrow().csrfMatches(s.token())).isFalse();
    assertThat(sessions.find(s.csrf())).isEmpty();
    // the table holds neither token
    String held =
        db.read(
            c ->
                Jdbc.list(
                        c,
                        "SELECT token_hash || csrf_hash FROM dashboard_session",
                        rs -> rs.getString(1))
                    .toString());
    assertThat(held).doesNotContain(s.token()).doesNotContain(s.csrf());
    sessions.close(s.token());
    assertThat(sessions.find(s.token())).isEmpty();

    DashboardSessions.Opened late = sessions.open(tenant, Duration.ofHours(8));
    clock.advance(Duration.ofHours(8));
    assertThat(sessions.find(late.token())).isEmpty();
    assertThat(sessions.purgeExpired()).isEqualTo(1);

    DashboardSessions.Opened revoked =
        new DashboardSessions(db, Clock.fixed(now, ZoneOffset.UTC))
            .open(tenant, Duration.ofHours(8));
    tenants.revoke(tenant);
    assertThat(new DashboardSessions(db, Clock.fixed(now, ZoneOffset.UTC)).find(revoked.token()))
        .isEmpty();
  }

  List<String> textsHeld() {
    return db.read(
        c -> Jdbc.list(c, "SELECT query FROM analytics_query_day", rs -> rs.getString(1)));
  }

  long count(String sql) {
    return db.read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1)).orElseThrow());
  }
}
