package io.fixfinder.api.analytics;

import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.analytics.AnalyticsStore;
import io.fixfinder.store.analytics.DashboardSessions;
import io.fixfinder.store.tenants.TenantStore;
import java.time.Clock;
import java.time.Duration;

/**
 * What the dashboard and its recording are served from (opened and closed by the caller, like the
 * database: close the recorder after the server, so its last counts are written).
 */
public record Analytics(
    AnalyticsStore store,
    DashboardSessions sessions,
    TenantStore tenants,
    AnalyticsRecorder recorder,
    FixFinderConfig.Dashboard settings,
    Clock clock) {

  /** Analytics over {@code db}, the recorder flushing every {@code settings.flushSeconds}. */
  public static Analytics open(
      Database db, TenantStore tenants, FixFinderConfig.Dashboard settings, Clock clock) {
    AnalyticsStore store = new AnalyticsStore(db);
    DashboardSessions sessions = new DashboardSessions(db, clock);
    AnalyticsRecorder recorder =
        new AnalyticsRecorder(
                store,
                sessions,
                new AnalyticsRecorder.Settings(
                    settings.minQueryCount(),
                    settings.queryRetentionDays(),
                    settings.retentionDays(),
                    Duration.ofSeconds(settings.flushSeconds())),
                clock)
            .start();
    return new Analytics(store, sessions, tenants, recorder, settings, clock);
  }
}
