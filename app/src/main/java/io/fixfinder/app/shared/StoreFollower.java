package io.fixfinder.app.shared;

import io.fixfinder.store.changes.Change;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.feedback.FeedbackStore;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one API process current with what other processes and {@code index} runs change (issue 17).
 * Every {@code database.changePollMillis} it reads the store's change feed past the changes it has
 * seen, and asks the search cluster which index its alias names:
 *
 * <ul>
 *   <li>votes: the voted items' tallies are read again;
 *   <li>published issue clusters: the newest generation is loaded and swapped in;
 *   <li>a new generation on the cluster (announced, or the alias seen on another index): the
 *       suggesters are rebuilt;
 *   <li>a helper suspended, unsuspended, deleted, verified or their profile saved: the helper
 *       directory is read again (it empties the search cache itself when whom it offers changed);
 *   <li>a tenant created, its keys rotated or revoked: its cached keys are dropped, so its next
 *       request is checked against the store;
 *   <li>changes missed (the process was away longer than the feed keeps them): every tally, the
 *       clusters and the helper directory are read again and every cached key is dropped.
 * </ul>
 *
 * Votes and clusters then empty the process's search cache, after the new state is in place, so a
 * cached answer is never older than what a fresh search would see by more than one poll. A database
 * or cluster that does not answer is tried again at the next poll (logged once per outage); what a
 * failed poll had read is applied by the next one.
 */
public final class StoreFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

  /** What a process does when something it serves changed elsewhere. */
  public interface Caches {
    /** Votes or clusters changed: cached search answers are stale. */
    void searchesChanged();

    /** The index generation changed: cached searches and suggesters are stale. */
    void indexChanged();

    /**
     * Who the helper directory offers may have changed: read it again now (and drop cached searches
     * if it did). May throw when the store does not answer: the next poll asks again.
     */
    void helpersChanged();

    /** These tenants' keys or origins changed: drop what is cached of them. Must not throw. */
    void tenantsChanged(Set<String> tenantIds);

    /** Tenant changes were missed: drop every cached key. Must not throw. */
    void allTenantsChanged();
  }

  private final ChangeFeed.Cursor cursor;
  private final FeedbackStore feedback;
  private final Optional<SharedIssues> issues;
  private final Optional<Callable<Set<String>>> servedIndices;
  private final Caches caches;
  private Optional<Set<String>> lastIndices = Optional.empty();
  private boolean failing;

  /** A poll read votes it could not apply: the next one reads every tally again. */
  private boolean votesBehind;

  /** A poll could not load published clusters: the next one tries the newest again. */
  private boolean clustersBehind;

  /** A poll could not read the helper directory again: the next one tries again. */
  private boolean helpersBehind;

  private ScheduledExecutorService timer;

  /**
   * @param cursor taken before {@code feedback} and {@code issues} were loaded, so nothing falls
   *     between the load and the first poll
   * @param servedIndices the indices the cluster's alias names now (OpenSearch), asked each poll
   */
  public StoreFollower(
      ChangeFeed.Cursor cursor,
      FeedbackStore feedback,
      Optional<SharedIssues> issues,
      Optional<Callable<Set<String>>> servedIndices,
      Caches caches) {
    this.cursor = Objects.requireNonNull(cursor, "cursor");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
    this.issues = Objects.requireNonNull(issues, "issues");
    this.servedIndices = Objects.requireNonNull(servedIndices, "servedIndices");
    this.caches = Objects.requireNonNull(caches, "caches");
  }

  /** Polls every {@code every} on a daemon thread until closed. */
  public StoreFollower start(Duration every) {
    if (every.isNegative() || every.isZero())
      throw new IllegalArgumentException("the poll interval must be positive, got " + every);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fixfinder-store-follow");
              t.setDaemon(true);
              return t;
            });
    // the alias as it is now: a move after this is a new generation
    if (servedIndices.isPresent()) {
      try {
        lastIndices = Optional.of(servedIndices.get().call());
      } catch (Exception e) {
        // the first poll learns it
      }
    }
    timer.scheduleWithFixedDelay(
        this::pollQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void pollQuietly() {
    try {
      poll();
      if (failing) LOG.info("following the store and the cluster again");
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        LOG.warn(
            "cannot follow other processes' changes for now (tried again each poll): {}",
            e.getMessage());
      }
      failing = true;
    }
  }

  /**
   * One poll: reads what changed and applies it. When applying fails (the database went away
   * between reading the feed and reading the tallies, a published generation cannot be read), the
   * changes read are not lost: the next poll reads every tally, or the newest clusters, again.
   */
  public synchronized void poll() throws IOException {
    ChangeFeed.Polled polled = cursor.poll();
    boolean reloadVotes = votesBehind;
    boolean reloadClusters = clustersBehind;
    boolean helpers = helpersBehind;
    Set<String> voted = new LinkedHashSet<>();
    Set<String> tenants = new LinkedHashSet<>();
    boolean allTenants = false;
    boolean index = false;
    switch (polled) {
      case ChangeFeed.Polled.Missed missed -> {
        reloadVotes = true;
        reloadClusters = true;
        index = true;
        helpers = true;
        allTenants = true;
      }
      case ChangeFeed.Polled.Changes(var changes) -> {
        for (Change c : changes) {
          switch (c.topic()) {
            case VOTE -> voted.add(c.subject());
            case CLUSTERS -> reloadClusters = true;
            case INDEX -> index = true;
            case HELPER -> helpers = true;
            case TENANT -> tenants.add(c.subject());
          }
        }
      }
    }
    // the cursor has moved past these changes: whatever fails below, the next poll must redo them
    clustersBehind = reloadClusters;
    helpersBehind = helpers;
    // keys first: dropping them is local and cannot fail, and a revoked key must stop at once
    if (allTenants) caches.allTenantsChanged();
    else if (!tenants.isEmpty()) caches.tenantsChanged(Set.copyOf(tenants));
    boolean searches = false;
    votesBehind = true;
    if (reloadVotes) feedback.reload();
    else if (!voted.isEmpty()) feedback.refresh(voted);
    searches |= reloadVotes || !voted.isEmpty();
    votesBehind = false;
    if (reloadClusters && issues.isPresent()) {
      // a failure here leaves the votes applied: their caches go below, the clusters next poll
      try {
        searches |= issues.get().refresh();
        clustersBehind = false;
      } finally {
        dropCaches(index, searches);
      }
    } else {
      clustersBehind = false;
      dropCaches(index, searches);
    }
    if (helpers) {
      caches.helpersChanged();
      helpersBehind = false;
    }
    if (servedIndices.isPresent()) {
      Set<String> now;
      try {
        now = servedIndices.get().call();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
      boolean moved = lastIndices.isPresent() && !lastIndices.get().equals(now);
      lastIndices = Optional.of(now);
      // an announced generation already dropped them above
      if (moved && !index) caches.indexChanged();
    }
  }

  private void dropCaches(boolean index, boolean searches) {
    if (index) caches.indexChanged();
    else if (searches) caches.searchesChanged();
  }

  @Override
  public void close() {
    if (timer != null) timer.shutdownNow();
  }
}
