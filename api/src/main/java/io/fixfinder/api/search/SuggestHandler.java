package io.fixfinder.api.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.search.Scope;
import io.fixfinder.indexer.suggest.Suggester;
import io.fixfinder.indexer.write.IndexStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/suggest?q=}: completions and "did you mean". A key's scope gets a suggester of
 * its own ({@link Suggester#fromIndex(Lexicon, org.apache.lucene.search.IndexSearcher, Scope)}):
 * only its brands and models, weights counting only its records; a few hundred scopes are kept.
 */
public final class SuggestHandler {
  private static final Set<String> PARAMS = Set.of("q", "size");
  private static final int MAX_QUERY = 200;

  private final Source source;
  private volatile Suggester suggester;
  private final Cache<Scope, Suggester> scoped =
      Caffeine.newBuilder().maximumSize(256).expireAfterWrite(Duration.ofMinutes(10)).build();

  /** Where a scope's suggester comes from: the embedded index, or another engine's counts. */
  @FunctionalInterface
  public interface Source {
    Suggester of(Scope scope) throws IOException;
  }

  public SuggestHandler(IndexStore index) {
    this(
        scope -> {
          var searcher = index.searchers().acquire();
          try {
            return scope.limited()
                ? Suggester.fromIndex(Lexicon.builtIn(), searcher, scope)
                : Suggester.fromIndex(Lexicon.builtIn(), searcher.getIndexReader());
          } finally {
            index.searchers().release(searcher);
          }
        });
  }

  /** Suggesters from {@code source} (OpenSearch: {@link Suggester#fromCounts}). */
  public SuggestHandler(Source source) {
    this.source = source;
  }

  public void suggest(Context ctx) {
    Params.rejectUnknown(ctx, PARAMS);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    if (q.length() > MAX_QUERY) {
      throw ApiException.badRequest(
          "query-too-long",
          "Parameter 'q' is " + q.length() + " characters; the limit is " + MAX_QUERY);
    }
    int size = Params.intParam(ctx, "size", 8, 1, 20);
    Scope scope = Scopes.of(ctx);
    Suggester s = scope.limited() ? scoped.get(scope, this::build) : suggester();
    ctx.json(s.suggest(q, size));
  }

  /** The index's spelling correction of {@code q}, when it has one ("whasing" → "washing"). */
  public Optional<String> didYouMean(String q) {
    return Optional.ofNullable(suggester().suggest(q, 1).didYouMean()).filter(s -> !s.isBlank());
  }

  private Suggester build(Scope scope) {
    try {
      return source.of(scope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Drops the suggesters: the next suggestion builds them again from the index's counts (a new
   * generation on the cluster, issue 17).
   */
  public void forget() {
    suggester = null;
    scoped.invalidateAll();
  }

  /** Built on first use from the index's counts, and again after {@link #forget}. */
  private Suggester suggester() {
    Suggester s = suggester;
    if (s == null) {
      s = build(Scope.ALL);
      suggester = s;
    }
    return s;
  }
}
