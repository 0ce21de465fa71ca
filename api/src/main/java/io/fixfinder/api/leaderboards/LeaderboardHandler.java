package io.fixfinder.api.leaderboards;

import io.fixfinder.api.pages.PageHandler;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.search.Params;
import io.fixfinder.indexer.leaderboard.Leaderboards;
import io.fixfinder.ui.LeaderboardPage;
import io.fixfinder.ui.LeaderboardsPage;
import io.fixfinder.ui.Pages;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/leaderboards[?type=]} and the pages {@code /leaderboards} and {@code
 * /leaderboards/{type}}. A type is a lexicon id ({@code washing-machine}); a malformed one is a
 * 400, one the index has no record of a 404.
 */
public final class LeaderboardHandler {
  /** A product type id as the lexicon writes them. */
  static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private static final Set<String> PARAMS = Set.of("type");

  /** Where the figures come from, and under which licence, in every answer. */
  public record Source(
      String name,
      String provides,
      String licence,
      String licenceUrl,
      String attribution,
      String url) {}

  static final List<Source> SOURCES =
      List.of(
          new Source(
              "Open Repair Data",
              "repair-café outcomes (fixed, repairable, end of life) by product category and brand;"
                  + " the rates and ranks derived from it are shared under the same licence",
              "CC BY-SA 4.0",
              "https://creativecommons.org/licenses/by-sa/4.0/",
              "Open Repair Alliance, Open Repair Data",
              "https://openrepair.org/open-data/"),
          new Source(
              "FixFinder votes",
              "\"did this fix it?\" votes of FixFinder's visitors on pages about a brand or model",
              "",
              "",
              "",
              ""),
          new Source(
              "Crawled records",
              "counts of crawled pages (manuals, threads, videos, reviews) about a brand or model;"
                  + " the pages belong to their publishers",
              "",
              "",
              "",
              ""));

  /**
   * The JSON answer: the board's settings, the sources, and the types asked for.
   *
   * @param minReports reports of known outcome a brand or model needs to be ranked
   * @param confidence the confidence level of every interval
   */
  public record Response(
      int minReports,
      double confidence,
      List<Source> sources,
      List<Leaderboards.TypeBoard> types) {}

  private final Leaderboards leaderboards;
  private final Pages pages = new Pages();

  public LeaderboardHandler(Leaderboards leaderboards) {
    this.leaderboards = leaderboards;
  }

  public void api(Context ctx) throws IOException {
    Params.rejectUnknown(ctx, PARAMS);
    Optional<String> type = Params.keyword(ctx, "type");
    List<Leaderboards.TypeBoard> types;
    if (type.isPresent()) {
      String t = type.get();
      if (!TYPE.matcher(t).matches()) {
        throw ApiException.badRequest(
            "invalid-parameter",
            "Parameter 'type' is a product type id in lower-case letters, digits and hyphens,"
                + " e.g. washing-machine");
      }
      types =
          List.of(
              leaderboards
                  .type(t)
                  .orElseThrow(
                      () -> ApiException.notFound("No record of product type '" + t + "'")));
    } else {
      types = leaderboards.board().types();
    }
    ctx.json(new Response(leaderboards.minReports(), Leaderboards.CONFIDENCE, SOURCES, types));
  }

  public void page(Context ctx) throws IOException {
    html(ctx, pages.leaderboards(new LeaderboardsPage(leaderboards.board())));
  }

  public void typePage(Context ctx) throws IOException {
    String type = ctx.pathParam("type");
    Optional<Leaderboards.TypeBoard> board =
        TYPE.matcher(type).matches() ? leaderboards.type(type) : Optional.empty();
    if (board.isEmpty()) {
      PageHandler.notFound(ctx, "We have no leaderboard for that product type.");
      return;
    }
    html(ctx, pages.leaderboard(new LeaderboardPage(board.get(), leaderboards.minReports())));
  }

  private static void html(Context ctx, String body) {
    ctx.status(200).contentType("text/html; charset=utf-8").result(body);
  }
}
