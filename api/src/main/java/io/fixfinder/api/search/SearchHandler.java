package io.fixfinder.api.search;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.indexer.search.SearchRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/search}: validates parameters, runs the search, returns JSON. */
public final class SearchHandler {
  public static final int MAX_QUERY_LENGTH = 500;

  /** The request attribute holding the search's {@link SearchCache.Outcome} (for analytics). */
  public static final String OUTCOME = "fixfinder.search.outcome";

  private static final Set<String> PARAMS =
      Set.of("q", "kind", "brand", "type", "product", "page", "size");

  private final SearchCache searcher;

  public SearchHandler(SearchCache searcher) {
    this.searcher = searcher;
  }

  public void search(Context ctx) throws IOException {
    Params.rejectUnknown(ctx, PARAMS);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    if (q.isEmpty())
      throw ApiException.badRequest(
          "missing-query", "Parameter 'q' is required, e.g. ?q=washing+machine+wont+drain");
    if (q.length() > MAX_QUERY_LENGTH) {
      throw ApiException.badRequest(
          "query-too-long",
          "Parameter 'q' is " + q.length() + " characters; the limit is " + MAX_QUERY_LENGTH);
    }
    if (!Params.searchable(q)) {
      // Never hand the searcher a query with nothing in it: the embedder refuses blank text, and
      // a no-break or zero-width space is blank to it though not to String.strip.
      throw ApiException.badRequest(
          "missing-query", "Parameter 'q' has no letters or digits to search for");
    }
    int page = Params.intParam(ctx, "page", 1, 1, SearchRequest.MAX_PAGE);
    int size = Params.intParam(ctx, "size", 10, 1, SearchRequest.MAX_SIZE);
    SearchRequest request =
        new SearchRequest(
                q,
                Params.keyword(ctx, "kind"),
                Params.keyword(ctx, "brand"),
                Params.keyword(ctx, "type").or(() -> Params.keyword(ctx, "product")),
                page,
                size)
            // a key's scope lies beneath the filters above: brand= narrows it, never widens it
            .withScope(Scopes.of(ctx));
    long start = System.nanoTime();
    SearchCache.Answer answer = searcher.answer(request);
    byte[] json = answer.json();
    ctx.attribute(OUTCOME, answer.outcome());
    // Timing goes in a header, not the body, so identical results keep identical ETags.
    ctx.header(
        "Server-Timing",
        String.format(java.util.Locale.ROOT, "search;dur=%.2f", (System.nanoTime() - start) / 1e6));
    ctx.contentType("application/json").result(json);
  }
}
