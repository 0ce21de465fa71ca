package io.fixfinder.store.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ContactStore#purgeExpired} now and then every {@code every}, on one daemon thread,
 * until closed. It logs how many rows went, never which. Several API processes may each run one: a
 * purge deletes by time, so a second one finds nothing left.
 */
public final class ContactJanitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContactJanitor.class);

  private final ContactStore store;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final AtomicReference<Thread> worker = new AtomicReference<>();

  private ContactJanitor(ContactStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fixfinder-contact-janitor");
              t.setDaemon(true);
              worker.set(t);
              return t;
            });
  }

  /** Starts purging at once, then every {@code every}. */
  public static ContactJanitor start(ContactStore store, Clock clock, Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the purge interval must be positive: " + every);
    }
    ContactJanitor janitor = new ContactJanitor(store, clock);
    janitor.executor.scheduleWithFixedDelay(
        janitor::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return janitor;
  }

  /**
   * One purge; never throws (a failure is logged and the next run tries again).
   *
   * @return what was deleted, or nothing when the purge failed
   */
  Purged runOnce() {
    try {
      Purged p = store.purgeExpired(clock.instant());
      if (p.total() > 0) {
        LOG.info(
            "contact purge: {} expired requests and {} old reports deleted",
            p.requests(),
            p.reports());
      }
      return p;
    } catch (RuntimeException e) {
      // StoreException messages carry neither the URL nor any row's content
      LOG.warn("contact purge failed, will retry: {}", e.getMessage());
      return new Purged(0, 0);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("contact purge did not stop within 5 s");
      }
      // the executor counts as terminated a moment before its thread ends: close means gone
      Thread t = worker.get();
      if (t != null) t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
