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
import java.util.concurrent.TimeUnit;

/**
 * Each issue group of a search gains its issue's best fix ({@link IssueView#topFix}, the fix
 * summary {@code /api/issues/{id}} shows first), for the search card. Building an issue's fixes
 * reads all its records and groups their remedies, far more than a search costs, so the answer is
 * kept per issue and scope (a key's scope leaves records out, and so can change the fixes) for at
 * most {@code ttl}, and dropped at once with the search cache (a vote re-orders fixes, a new index
 * changes them).
 */
public final class TopFixes {
  /** How long an issue's top fix is kept at most. */
  public static final Duration TTL = Duration.ofMinutes(1);

  /** Issues kept: a few thousand top fixes of a few hundred bytes each. */
  static final int MAX_ISSUES = 5_000;

  private record Key(Scope scope, String issueId) {}

  private final IssueView issues;
  private final Cache<Key, Optional<SearchResponse.TopFix>> cache;
  private final Timer computed;
  private final Timer cached;

  /**
   * @param metrics where the time groups take is recorded, as {@code fixfinder.search.topfix}
   *     tagged {@code cache=miss} (a search that built some issue's fixes) or {@code cache=hit}
   */
  public TopFixes(IssueView issues, Duration ttl, MeterRegistry metrics) {
    this.issues = issues;
    this.cache = Caffeine.newBuilder().maximumSize(MAX_ISSUES).expireAfterWrite(ttl).build();
    this.computed = timer(metrics, "miss");
    this.cached = timer(metrics, "hit");
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
    List<SearchResponse.IssueGroup> groups = new ArrayList<>(response.issues().size());
    for (SearchResponse.IssueGroup g : response.issues()) {
      Key key = new Key(request.scope(), g.issue().id());
      Optional<SearchResponse.TopFix> fix = cache.getIfPresent(key);
      if (fix == null) {
        missed = true;
        fix = compute(key);
        cache.put(key, fix);
      }
      groups.add(g.withTopFix(fix));
    }
    (missed ? computed : cached).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return response.withIssues(groups, response.hits());
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
    cache.invalidateAll();
  }
}
