package io.fixfinder.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.api.dashboard.DashboardReport;
import io.fixfinder.api.dashboard.DashboardService;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of seeded analytics (200 issues, 5,000 query texts, 365 days) through the real store on
 * SQLite: the injected fault is the dashboard's one emerging issue, texts under the minimum count
 * are gone, and the dashboard's query time over the year is measured and printed (the figures of
 * docs/benchmarks.md, "Company dashboard").
 */
class DemoAnalyticsIT {
  static final LocalDate TODAY = LocalDate.parse("2026-12-04");

  @TempDir Path dir;

  @Test
  void aSeededYearShowsTheInjectedFaultAsTheOneEmergingIssueAndIsReadQuickly() {
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      TenantStore tenants = new TenantStore(db, new SecretBox(key), clock);
      String tenant =
          tenants
              .create(
                  new TenantRules(Lexicon.builtIn())
                      .check(
                          new TenantSpec(
                              "Aqualine Support",
                              List.of("Aqualine"),
                              List.of(),
                              List.of("https://help.aqualine.example"),
                              600,
                              100_000)))
              .tenant()
              .id();
      List<String> issues = new ArrayList<>();
      for (int i = 0; i < 200; i++) issues.add(String.format(Locale.ROOT, "iss-%04d", i));
      List<String> queries = new ArrayList<>();
      for (int i = 0; i < 5000; i++)
        queries.add("washing machine fault " + Integer.toString(i, 36));
      long t0 = System.nanoTime();
      DemoAnalytics.Seeded seeded =
          DemoAnalytics.seed(db, tenant, issues, queries, TODAY, 365, 5, 16L);
      double seedMs = (System.nanoTime() - t0) / 1e6;
      assertThat(seeded.days()).isEqualTo(365);
      assertThat(seeded.searches()).isGreaterThan(365L * 40);

      DashboardService service =
          new DashboardService(
              new AnalyticsStore(db), tenants, id -> Optional.of("Issue " + id), 5, 5, 400, clock);
      DashboardReport year = service.report(tenant, 365);
      assertThat(year.emerging())
          .extracting(DashboardReport.Emerging::id)
          .as("the injected fault, and nothing else")
          .containsExactly("iss-0100");
      assertThat(year.topQueries()).isNotEmpty();
      assertThat(year.topQueries())
          .allSatisfy(q -> assertThat(q.searches()).isGreaterThanOrEqualTo(5));
      assertThat(year.totals().searches()).isEqualTo(seeded.searches());
      // a second call (the demo started again) writes nothing
      assertThat(DemoAnalytics.seed(db, tenant, issues, queries, TODAY, 365, 5, 16L).days())
          .isZero();
      assertThat(service.report(tenant, 365).totals().searches()).isEqualTo(seeded.searches());

      measure(service, tenant, seedMs, seeded.texts(), "seeded year");
      // the worst case for the query tables: all 5,000 texts kept, every day of the last 30
      String worst =
          tenants
              .create(
                  new TenantRules(Lexicon.builtIn())
                      .check(
                          new TenantSpec(
                              "Every text kept",
                              List.of("Aqualine"),
                              List.of(),
                              List.of("https://help2.aqualine.example"),
                              600,
                              100_000)))
              .tenant()
              .id();
      AnalyticsStore store = new AnalyticsStore(db);
      long w0 = System.nanoTime();
      for (int back = 29; back >= 0; back--) {
        List<AnalyticsStore.QueryCount> texts = new ArrayList<>();
        for (String q : queries) {
          texts.add(new AnalyticsStore.QueryCount(worst, TODAY.minusDays(back), q, 5, 1));
        }
        store.add(new AnalyticsStore.Batch(List.of(), texts, List.of()));
      }
      double worstMs = (System.nanoTime() - w0) / 1e6;
      assertThat(service.report(worst, 30).topQueries()).hasSize(DashboardService.MAX_QUERIES);
      measure(service, worst, worstMs, 5000, "150,000 text rows (5,000 texts x 30 days)");
    }
  }

  static void measure(
      DashboardService service, String tenant, double seedMs, int texts, String what) {
    {
      for (int days : new int[] {30, 365}) {
        for (int i = 0; i < 5; i++) service.report(tenant, days); // warm-up
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
          long s = System.nanoTime();
          service.report(tenant, days);
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "dashboard report, %d days (%s, written in %.0f ms, %d texts kept): p50 %.1f ms,"
                + " max %.1f ms%n",
            days,
            what,
            seedMs,
            texts,
            ms[ms.length / 2],
            ms[ms.length - 1]);
        assertThat(ms[ms.length / 2])
            .as("a dashboard reads in well under a second")
            .isLessThan(1000);
      }
    }
  }
}
