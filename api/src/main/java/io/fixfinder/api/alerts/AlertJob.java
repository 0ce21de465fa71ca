package io.fixfinder.api.alerts;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AlertsService#runOnce} every {@code dashboard.alertEveryMinutes} on a daemon thread,
 * the first run one period after start (a server restarted in a loop does not hammer webhooks).
 * Several API processes may each run one: the store's claims send each alert once.
 */
public final class AlertJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);
  private final ScheduledExecutorService timer;

  private AlertJob(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static AlertJob start(AlertsService service, Duration every) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fixfinder-alerts");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, every.toSeconds());
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            AlertsService.Run run = service.runOnce();
            if (run.alerts() + run.failed() > 0) {
              LOG.info(
                  "alerts: {} tenant(s) checked, {} alert(s) sent, {} failed",
                  run.tenantsChecked(),
                  run.alerts(),
                  run.failed());
            }
          } catch (RuntimeException e) {
            LOG.warn("alert run failed: {}", e.toString());
          }
        },
        period,
        period,
        TimeUnit.SECONDS);
    return new AlertJob(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
