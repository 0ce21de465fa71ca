package io.fixfinder.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.StoreException;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder on a real SQLite file: counts gathered between flushes land as one row per tenant,
 * day and text; recording never throws, even with the database gone (the flush fails and says so,
 * the searches' counts are reported lost); and a closed day is rolled up at the first flush of the
 * next.
 */
class AnalyticsRecorderIT {
  @TempDir Path dir;

  @Test
  void countsLandAggregatedAndAGoneDatabaseNeverReachesARequest() {
    Database db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
    Instant now = Instant.parse("2026-03-10T23:59:00Z");
    MutableClock clock = new MutableClock(now);
    TenantStore tenants = new TenantStore(db, new SecretBox(new byte[32]), clock);
    String tenant =
        tenants
            .create(
                new TenantRules(Lexicon.builtIn())
                    .check(
                        new TenantSpec("T", List.of("Aqualine"), List.of(), List.of(), 100, 1000)))
            .tenant()
            .id();
    AnalyticsStore store = new AnalyticsStore(db);
    AnalyticsRecorder recorder =
        new AnalyticsRecorder(
            store,
            new DashboardSessions(db, clock),
            new AnalyticsRecorder.Settings(5, 30, 400, Duration.ofSeconds(5)),
            clock);
    for (int i = 0; i < 4; i++) recorder.search(tenant, "Rare  Words", true, List.of("iss-a"));
    for (int i = 0; i < 6; i++) recorder.search(tenant, "drain", false, List.of("iss-a", "iss-b"));
    recorder.opened(tenant, "iss-a");
    recorder.vote(tenant, "iss-a", Answer.PARTLY);
    recorder.flush();
    LocalDate day = LocalDate.parse("2026-03-10");
    assertThat(store.days(tenant, day, day))
        .containsExactly(new AnalyticsStore.DayCount(tenant, day, 10, 6, 1));
    assertThat(store.issues(tenant, day, day))
        .containsExactly(
            new AnalyticsStore.IssueTotal("iss-a", 10, 1, 0, 0, 1),
            new AnalyticsStore.IssueTotal("iss-b", 6, 0, 0, 0, 0));
    assertThat(store.queries(tenant, day, day, 1, false, 10))
        .extracting(AnalyticsStore.QueryTotal::query)
        .containsExactly("drain", "rare words");

    // past midnight: the first flush rolls the closed day up
    clock.advance(Duration.ofMinutes(2));
    recorder.search(tenant, "drain", true, List.of());
    recorder.flush();
    assertThat(store.queries(tenant, day, day, 1, false, 10))
        .extracting(AnalyticsStore.QueryTotal::query)
        .containsExactly("drain");

    // the database goes away: recording still returns, the flush fails and counts the loss
    db.close();
    for (int i = 0; i < 3; i++) recorder.search(tenant, "drain", true, List.of("iss-a"));
    recorder.opened(tenant, "iss-a");
    assertThatThrownBy(recorder::flush).isInstanceOf(StoreException.class);
    assertThat(recorder.dropped()).isEqualTo(3);
    recorder.close(); // a failing last flush is logged, not thrown
  }
}
