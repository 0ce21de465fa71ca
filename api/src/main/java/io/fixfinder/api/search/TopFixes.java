package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.indexer.fix.Fix;
import io.fixfinder.indexer.search.Scope;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.view.IssueView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each issue group of a search gains its issue's best fix ({@link IssueView#topFix}, the fix
 * summary {@code /api/issues/{id}} shows first), for the search card. Building an issue's fixes
 * reads all its records and groups their remedies, far more than a search costs, so the answer is
 * kept per issue and scope (a key's scope leaves records out, and so can change the fixes) until it
 * is dropped with the search cache (a vote re-orders fixes, a new index or new clusters change
 * them), and for at most {@code ttl}.
 *
 * <p>A search does not wait for the fixes of an issue of more than {@link #INLINE_MEMBERS} records:
 * at a million records an issue holds about a thousand, and building their fixes took four times
 * the search itself (docs/benchmarks.md). Its group goes without a top fix this once while one
 * background thread builds it (none queued twice, at most {@link #QUEUED} waiting, the rest asked
 * for again by a later search), and {@link #complete} tells the search cache not to keep that
 * answer, so the next search of the query shows the fix.
 */
public final class TopFixes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopFixes.class);

  /**
   * How long an issue's top fix is kept at most. Everything it is built from (the records, the
   * clusters, the votes) drops it when it changes, so this is only a safety net: at a million
   * records a minute meant rebuilding ~1,100 issues' fixes at ~120 ms each every minute, more than
   * one of two cores (docs/benchmarks.md, run 7).
   */
  public static final Duration TTL = Duration.ofHours(1);

  /** Issues kept: a few thousand top fixes of a few hundred bytes each. */
  static final int MAX_ISSUES = 5_000;

  /** The largest issue whose fixes a search waits for (every issue of the demo is smaller). */
  public static final int INLINE_MEMBERS = 200;

  /** Large issues waiting for the background thread, at most. */
  static final int QUEUED = 64;

  private record Key(Scope scope, String issueId) {}

  private final IssueView issues;
  private final Cache<Key, Optional<SearchResponse.TopFix>> cache;
  private final Timer computed;
  private final Timer cached;
  private final Timer deferred;
  private final ThreadPoolExecutor background;
  private final Set<Key> building = ConcurrentHashMap.newKeySet();

  /** Moved on by {@link #invalidateAll}: a build begun before it is not kept. */
  private final AtomicLong generation = new AtomicLong();

  /**
   * @param metrics where the time groups take is recorded, as {@code fixfinder.search.topfix}
   *     tagged {@code cache=miss} (a search that built some issue's fixes), {@code cache=deferred}
   *     (one that built none but left some large issue's to the background: it showed that card
   *     without a fix) or {@code cache=hit} (every top fix was kept)
   */
  public TopFixes(IssueView issues, Duration ttl, MeterRegistry metrics) {
    this.issues = issues;
    this.cache = Caffeine.newBuilder().maximumSize(MAX_ISSUES).expireAfterWrite(ttl).build();
    this.computed = timer(metrics, "miss");
    this.cached = timer(metrics, "hit");
    this.deferred = timer(metrics, "deferred");
    // one thread, gone when idle: large issues' fixes compete with searches for the cores
    this.background =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED),
            r -> {
              Thread t = new Thread(r, "fixfinder-topfixes");
              t.setDaemon(true);
              return t;
            });
    this.background.allowCoreThreadTimeOut(true);
  }

  private static Timer timer(MeterRegistry metrics, String cache) {
    return Timer.builder("fixfinder.search.topfix")
        .description("Time a search spends adding its issue groups' top fixes")
        .tag("cache", cache)
        .register(metrics);
  }

  /** {@code response} with each issue group's top fix, as {@code request}'s scope sees it. */
  public SearchResponse attach(SearchRequest request, SearchResponse response) {
    if (response.issues().isEmpty()) return response;
    long start = System.nanoTime();
    boolean missed = false;
    boolean left = false;
    List<SearchResponse.IssueGroup> groups = new ArrayList<>(response.issues().size());
    for (SearchResponse.IssueGroup g : response.issues()) {
      Key key = new Key(request.scope(), g.issue().id());
      Optional<SearchResponse.TopFix> fix = cache.getIfPresent(key);
      if (fix == null && g.issue().size() > INLINE_MEMBERS) {
        buildLater(key);
        left = true;
        fix = Optional.empty();
      } else if (fix == null) {
        missed = true;
        fix = compute(key);
        cache.put(key, fix);
      }
      groups.add(g.withTopFix(fix));
    }
    (missed ? computed : left ? deferred : cached)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return response.withIssues(groups, response.hits());
  }

  /**
   * Whether every group of {@code response} shows its issue's top fix as known (a large issue's may
   * still be on its way): only then may the search cache keep the answer.
   */
  public boolean complete(SearchRequest request, SearchResponse response) {
    for (SearchResponse.IssueGroup g : response.issues()) {
      if (g.issue().size() <= INLINE_MEMBERS) continue;
      // what the group shows must be what was built: the build may have ended since, with a fix
      if (!g.topFix().equals(cache.getIfPresent(new Key(request.scope(), g.issue().id()))))
        return false;
    }
    return true;
  }

  /** Builds a large issue's top fix on the background thread, unless it is already on its way. */
  private void buildLater(Key key) {
    if (!building.add(key)) return;
    long asOf = generation.get();
    try {
      background.execute(
          () -> {
            try {
              Optional<SearchResponse.TopFix> fix = compute(key);
              if (generation.get() == asOf) cache.put(key, fix);
            } catch (RuntimeException e) {
              // a later search asks again; the card goes without a fix meanwhile
              LOG.warn("top fix of issue {} not built: {}", key.issueId(), e.toString());
            } finally {
              building.remove(key);
            }
          });
    } catch (RejectedExecutionException full) {
      building.remove(key); // a later search asks again
    }
  }

  private Optional<SearchResponse.TopFix> compute(Key key) {
    try {
      return issues.within(key.scope()).topFix(key.issueId()).map(TopFixes::card);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a card shows of a fix. */
  static SearchResponse.TopFix card(Fix fix) {
    return new SearchResponse.TopFix(
        fix.text(),
        fix.cause(),
        fix.support().summary(),
        fix.support().sources(),
        fix.support().feedback());
  }

  /** Forgets every top fix: votes re-order fixes, a new index or clusters change them. */
  public void invalidateAll() {
    generation.incrementAndGet();
    cache.invalidateAll();
  }
}
