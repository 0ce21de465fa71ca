package io.fixfinder.api.helpers;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.match.Candidate;
import io.fixfinder.core.helpers.match.HelperCard;
import io.fixfinder.core.helpers.match.HelperMatcher;
import io.fixfinder.core.helpers.match.Match;
import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.contact.HelperStats;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.MatchCandidate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listable helpers (verified, not suspended, not deleted) with their reputation, as one
 * immutable {@link Snapshot} holding a {@link HelperMatcher}, published through an {@link
 * AtomicReference}: searches read whichever snapshot is current, without locks, while a refresh
 * builds the next one aside. A refresh runs on a short timer (an operator's {@code helpers suspend}
 * in another process shows within it) and soon after any account change on this server.
 *
 * <p>Listeners (the search cache) hear of a new snapshot when the helpers changed, and at least
 * every few minutes besides, since "available now" moves with the clock.
 */
public final class HelperDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HelperDirectory.class);

  /** How often the store is read again. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

  /** Listeners hear at least this often, so cached "available now" flags do not go stale. */
  static final Duration NOTIFY_AT_LEAST = Duration.ofMinutes(5);

  /** Helpers a search or issue page offers. */
  public static final int PANEL_SIZE = 5;

  /**
   * One published state: the matcher over the helpers who are not paused, and every listable helper
   * (paused ones too) by id, for profiles.
   */
  record Snapshot(HelperMatcher matcher, Map<String, Candidate> byId, int leftOut) {}

  private final java.util.function.Supplier<Snapshot> source;
  private final java.util.function.Predicate<String> listedInStore;
  private final Clock clock;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Object refreshing = new Object();
  private final ScheduledExecutorService timer;
  private Instant notified = Instant.EPOCH;

  private HelperDirectory(
      java.util.function.Supplier<Snapshot> source,
      java.util.function.Predicate<String> listedInStore,
      Clock clock,
      Optional<Duration> every) {
    this.source = source;
    this.listedInStore = listedInStore;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "helper-directory");
              t.setDaemon(true);
              return t;
            });
    current.set(source.get());
    every.ifPresent(
        d ->
            timer.scheduleWithFixedDelay(
                this::refreshQuietly, d.toMillis(), d.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** A directory read now and again every {@code every}. */
  public static HelperDirectory start(
      HelperProfiles profiles, ContactStore contact, Clock clock, Duration every) {
    return new HelperDirectory(
        () -> build(profiles, contact),
        id -> profiles.publicProfile(id).isPresent(),
        clock,
        Optional.of(every));
  }

  /** A directory of {@code candidates} that never changes, without a store (benchmarks). */
  public static HelperDirectory fixed(java.util.Collection<Candidate> candidates, Clock clock) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (Candidate c : candidates) byId.put(c.id(), c);
    Snapshot s = new Snapshot(HelperMatcher.of(candidates), Map.copyOf(byId), 0);
    return new HelperDirectory(() -> s, byId::containsKey, clock, Optional.empty());
  }

  /** Runs {@code listener} after each publication that changed what a search may show. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Reads the store now and publishes what it holds. */
  public void refresh() {
    synchronized (refreshing) {
      Snapshot next = source.get();
      Snapshot before = current.getAndSet(next);
      Instant now = clock.instant();
      boolean changed = !next.byId().equals(before.byId());
      if (changed || !now.isBefore(notified.plus(NOTIFY_AT_LEAST))) {
        notified = now;
        for (Runnable l : listeners) l.run();
      }
    }
  }

  /** Asks for a refresh on the directory's own thread: after an account change, say. */
  public void refreshSoon() {
    try {
      timer.execute(this::refreshQuietly);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // closing: nothing left to serve
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // the store may be briefly unavailable: keep serving the last snapshot
      LOG.warn("helper directory not refreshed: {}", e.toString());
    }
  }

  /** Helpers who can be matched now (listed and not paused). */
  public int size() {
    return current.get().matcher().size();
  }

  /** The best helpers for {@code q}, best first. */
  public List<HelperCard> match(MatchQuery q) {
    Snapshot s = current.get();
    List<Match> matches = s.matcher().match(q);
    List<HelperCard> out = new ArrayList<>(matches.size());
    for (Match m : matches) out.add(HelperCard.of(s.byId().get(m.helperId()), m));
    return out;
  }

  /** A listed helper (paused ones too), as of the last refresh. */
  public Optional<Candidate> listed(String helperId) {
    return Optional.ofNullable(current.get().byId().get(helperId));
  }

  /** The card of a listed helper, with whether they are available at this moment. */
  public Optional<HelperCard> card(String helperId) {
    // the store has the last word: a helper suspended by the operator's command (another process)
    // disappears at once, not at the next refresh
    if (!listedInStore.test(helperId)) return Optional.empty();
    if (listed(helperId).isEmpty()) {
      refreshSoon();
      return Optional.empty();
    }
    Instant now = clock.instant();
    return listed(helperId)
        .map(c -> HelperCard.of(c, !c.paused() && c.hours().isAvailable(now, c.zone())));
  }

  private static Snapshot build(HelperProfiles profiles, ContactStore contact) {
    Map<String, HelperStats> stats = contact.reputationOfAll();
    Map<String, Candidate> byId = new LinkedHashMap<>();
    int leftOut = 0;
    for (MatchCandidate m : profiles.listable()) {
      Optional<Candidate> c = candidate(m, reputation(stats.get(m.id())));
      if (c.isPresent()) byId.put(m.id(), c.get());
      else leftOut++;
    }
    return new Snapshot(HelperMatcher.of(byId.values()), Map.copyOf(byId), leftOut);
  }

  static Reputation reputation(HelperStats s) {
    if (s == null) return Reputation.NEW;
    int received = clamp(s.received());
    return new Reputation(
        clamp(s.fixed()),
        clamp(s.notFixed()),
        clamp(s.gaveUp()),
        received,
        Math.min(received, clamp(s.answered())),
        s.medianResponseMinutes().isPresent()
            ? OptionalInt.of(clamp(s.medianResponseMinutes().getAsLong()))
            : OptionalInt.empty());
  }

  private static int clamp(long v) {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
  }

  /**
   * The matcher's view of a stored helper; empty (and logged by id only) when a stored value no
   * longer passes the matcher's checks, so that one bad row does not empty the directory.
   */
  static Optional<Candidate> candidate(MatchCandidate m, Reputation reputation) {
    try {
      Set<Skill> skills = new HashSet<>();
      for (io.fixfinder.store.helpers.Skill s : m.skills()) {
        skills.add(new Skill(SkillKind.valueOf(s.kind().name()), s.value()));
      }
      Location where =
          new Location(
              m.country(),
              m.city(),
              m.coordinates().map(c -> new GeoPoint(c.latitude(), c.longitude())));
      return Optional.of(
          new Candidate(
              m.id(),
              m.displayName(),
              skills,
              Set.copyOf(m.languages()),
              where,
              m.remote(),
              m.zone(),
              WeeklyHours.parse(m.weeklyHours()),
              m.paused(),
              reputation));
    } catch (IllegalArgumentException e) {
      LOG.warn("helper {} left out of the directory: {}", m.id(), e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
