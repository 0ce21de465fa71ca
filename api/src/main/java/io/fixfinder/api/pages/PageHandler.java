package io.fixfinder.api.pages;

import io.fixfinder.api.feedback.FeedbackHandler;
import io.fixfinder.api.helpers.HelpersHandler;
import io.fixfinder.api.helpers.Panels;
import io.fixfinder.api.issues.IssueHandler;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.api.products.ProductHandler;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.search.SearchCache;
import io.fixfinder.api.search.SearchHandler;
import io.fixfinder.api.search.SuggestHandler;
import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.helpers.match.HelperCard;
import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.view.IssueView;
import io.fixfinder.indexer.view.ProductView;
import io.fixfinder.ui.Chips;
import io.fixfinder.ui.HelpersPage;
import io.fixfinder.ui.IssuePage;
import io.fixfinder.ui.Links;
import io.fixfinder.ui.Pages;
import io.fixfinder.ui.ProductPage;
import io.fixfinder.ui.SearchPage;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /}, {@code /issue/{id}}, {@code /product/{id}}, {@code /helpers}, {@code
 * /helper/{id}}: server-rendered pages.
 */
public final class PageHandler {
  /** Results per page on the search page. */
  static final int PAGE_SIZE = 20;

  private static final int RELATED = 5;
  private static final int PRODUCT_ISSUES = 10;

  private final SearchCache search;
  private final SuggestHandler suggest;
  private final FeedbackHandler feedback;
  private final IssueView issues;
  private final ProductView products;
  private final Pages pages = new Pages();
  private final Optional<Panels> helpers;

  /** The extractor the searcher interprets queries with, to tell which words gave each chip. */
  private final KeyExtractor extractor = KeyExtractor.builtIn();

  public PageHandler(
      SearchCache search,
      SuggestHandler suggest,
      FeedbackHandler feedback,
      IssueView issues,
      ProductView products) {
    this(search, suggest, feedback, issues, products, Optional.empty());
  }

  /**
   * With {@code helpers}, issue pages show people who can help and {@code /helper/{id}} shows a
   * listed helper's profile (search pages show them through the search itself).
   */
  public PageHandler(
      SearchCache search,
      SuggestHandler suggest,
      FeedbackHandler feedback,
      IssueView issues,
      ProductView products,
      Optional<Panels> helpers) {
    this.helpers = helpers;
    this.search = search;
    this.suggest = suggest;
    this.feedback = feedback;
    this.issues = issues;
    this.products = products;
  }

  public void search(Context ctx) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    int maxPage = SearchRequest.MAX_PAGE;
    if (q.isEmpty()) {
      html(ctx, 200, pages.search(SearchPage.empty(maxPage)));
      return;
    }
    SearchPage.Filters filters = SearchPage.Filters.NONE;
    try {
      filters =
          new SearchPage.Filters(
              Params.keyword(ctx, "kind"),
              Params.keyword(ctx, "type"),
              Params.keyword(ctx, "brand"));
      if (q.length() > SearchHandler.MAX_QUERY_LENGTH) {
        throw ApiException.badRequest(
            "query-too-long",
            "Your search is "
                + q.length()
                + " characters long; the limit is "
                + SearchHandler.MAX_QUERY_LENGTH
                + ". Describe the fault in fewer words.");
      }
      if (!Params.searchable(q)) {
        throw ApiException.badRequest(
            "missing-query", "Your search has no letters or digits to look for.");
      }
      int page = Params.intParam(ctx, "page", 1, 1, maxPage);
      SearchRequest request =
          new SearchRequest(q, filters.kind(), filters.brand(), filters.type(), page, PAGE_SIZE);
      SearchResponse response = search.response(request);
      String shown = q;
      SearchPage.Spelling spelling = SearchPage.Spelling.NONE;
      Optional<String> correction =
          "1".equals(ctx.queryParam("exact"))
              ? Optional.empty()
              : suggest.didYouMean(q).filter(c -> !c.equalsIgnoreCase(q));
      if (correction.isPresent()) {
        SearchResponse corrected =
            search.response(
                new SearchRequest(
                    correction.get(),
                    filters.kind(),
                    filters.brand(),
                    filters.type(),
                    page,
                    PAGE_SIZE));
        // The typo found little: the correction's results, with a way back to the typo's.
        if (corrected.total() > 2 * response.total()) {
          response = corrected;
          shown = correction.get();
          spelling = new SearchPage.Spelling(Optional.of(q), Optional.empty());
        } else {
          spelling = new SearchPage.Spelling(Optional.empty(), correction);
        }
      }
      html(
          ctx,
          200,
          pages.search(
              new SearchPage(
                  shown,
                  filters,
                  Optional.of(response),
                  Optional.empty(),
                  maxPage,
                  spelling,
                  Chips.of(shown, response.interpretation(), extractor))));
    } catch (ApiException e) {
      if (!wantsHtml(ctx)) throw e;
      html(
          ctx,
          e.status(),
          pages.search(
              new SearchPage(
                  q,
                  filters,
                  Optional.empty(),
                  Optional.of(e.getMessage()),
                  maxPage,
                  SearchPage.Spelling.NONE)));
    }
  }

  public void issue(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<IssueView.Page> page =
        IssueHandler.ID.matcher(id).matches() ? issues.page(id, RELATED) : Optional.empty();
    if (page.isEmpty()) {
      if (!wantsHtml(ctx)) throw ApiException.notFound("No issue with id '" + id + "'");
      html(ctx, 404, pages.notFound("We have no issue with that address."));
      return;
    }
    Optional<String> voted =
        Optional.ofNullable(ctx.queryParam("voted")).filter(v -> v.length() <= 80);
    ctx.header("Cache-Control", "no-store"); // it shows this visitor's own answers
    IssueView.Page shown = page.get();
    if (helpers.isPresent()) {
      shown = helpers.get().issue(shown, Panels.acceptLanguages(ctx.header("Accept-Language")));
    }
    html(ctx, 200, pages.issue(new IssuePage(shown, feedback.answersToday(ctx), voted)));
  }

  /**
   * {@code POST /vote} from a page's "did this fix it?" form: records the vote as the API does and
   * sends the visitor back to the page they voted on (303), which then shows their answer. Only
   * from our own pages: a form on another site cannot vote in a visitor's name.
   */
  public void vote(Context ctx) {
    if (!sameOrigin(ctx)) {
      if (!wantsHtml(ctx)) {
        throw new ApiException(
            403, "cross-site-form", "Forbidden", "Votes are taken only from FixFinder's own pages");
      }
      html(ctx, 403, pages.notFound("Votes are taken only from FixFinder's own pages."));
      return;
    }
    String back = Optional.ofNullable(ctx.formParam("back")).orElse("/");
    if (!BACK.matcher(back).matches()) back = "/";
    try {
      FeedbackItem item =
          FeedbackHandler.item(Optional.ofNullable(ctx.formParam("item")).orElse(""));
      Answer answer =
          Answer.fromWire(Optional.ofNullable(ctx.formParam("answer")).orElse(""))
              .orElseThrow(
                  () -> ApiException.badRequest("invalid-answer", "Choose yes, partly or no."));
      // the page shows the vote under the id it was counted for
      item = feedback.vote(ctx, item, answer).item();
      String separator = back.contains("?") ? "&" : "?";
      ctx.redirect(
          back
              + separator
              + "voted="
              + Links.encode(item.key())
              + "#"
              + Links.voteAnchor(item.key()),
          io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      if (!wantsHtml(ctx)) throw e;
      html(ctx, e.status(), pages.notFound("That vote could not be counted: " + e.getMessage()));
    }
  }

  /** Where a vote may send the visitor back to: one of our issue pages, or the home page. */
  private static final java.util.regex.Pattern BACK =
      java.util.regex.Pattern.compile("/|/issue/[a-z0-9-]{1,64}");

  /**
   * A browser says where a form was posted from: Sec-Fetch-Site, or else Origin. A request with
   * neither (a script, curl) is not a cross-site form and may vote, as through the JSON API.
   */
  private static boolean sameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) return site.equals("same-origin") || site.equals("none");
    String origin = ctx.header("Origin");
    if (origin == null) return true;
    String host = ctx.header("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  public void product(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<ProductView.Page> page =
        ProductHandler.ID.matcher(id).matches()
            ? products.page(id, PRODUCT_ISSUES)
            : Optional.empty();
    if (page.isEmpty()) {
      if (!wantsHtml(ctx)) throw ApiException.notFound("No product with id '" + id + "'");
      html(ctx, 404, pages.notFound("We have no product with that address."));
      return;
    }
    html(ctx, 200, pages.product(new ProductPage(page.get())));
  }

  /** {@code GET /helper/{id}}: a listed helper's public profile; 404 for anyone else. */
  public void helper(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<HelperCard> card =
        helpers.flatMap(h -> id.length() <= 32 ? h.directory().card(id) : Optional.empty());
    if (card.isEmpty()) {
      if (!wantsHtml(ctx)) throw HelpersHandler.unknown(id);
      html(ctx, 404, pages.notFound("We have no helper with that address."));
      return;
    }
    html(
        ctx,
        200,
        pages.helper(card.get(), about(ctx.queryParam("q")), issueParam(ctx), labels(card.get())));
  }

  /**
   * {@code GET /helpers}: the helper directory as a page, read with {@code /api/helpers}' filters.
   * The HTML site is the public one (keys reach only {@code /api/*}), so no tenant's scope narrows
   * it. A filter that cannot be read is the same page saying what was wrong (400); unknown
   * parameters are ignored, since a shared link may carry a tracker's.
   */
  public void helpers(Context ctx) {
    HelpersPage.Filters filters =
        new HelpersPage.Filters(
            ctx.queryParam("type"),
            ctx.queryParam("brand"),
            ctx.queryParam("model"),
            ctx.queryParam("lang"),
            ctx.queryParam("near"),
            ctx.queryParam("radius"),
            "true".equals(ctx.queryParam("availableNow")),
            ctx.queryParam("issue"));
    try {
      List<HelperCard> found = List.of();
      if (helpers.isPresent()) {
        // one more than shown, to say honestly that more matched
        MatchQuery q =
            HelpersHandler.query(ctx, helpers.get().clock().instant(), HelpersPage.SHOWN + 1, true);
        found = helpers.get().directory().match(q);
      }
      boolean more = found.size() > HelpersPage.SHOWN;
      HelpersPage page =
          new HelpersPage(
              filters, more ? found.subList(0, HelpersPage.SHOWN) : found, more, Optional.empty());
      html(ctx, 200, pages.helpers(page));
    } catch (ApiException e) {
      if (!wantsHtml(ctx)) throw e;
      html(
          ctx,
          e.status(),
          pages.helpers(new HelpersPage(filters, List.of(), false, Optional.of(e.getMessage()))));
    }
  }

  /** The labels of the issues and fault areas a helper names, by id, for their profile. */
  private Map<String, String> labels(HelperCard card) {
    Map<String, String> labels = new HashMap<>();
    for (HelperCard.SkillView s : card.skills()) {
      Optional<String> label =
          switch (s.kind()) {
            case "issue" -> issues.issue(s.value()).map(i -> i.label()).filter(l -> !l.isBlank());
            case "area" -> issues.faultAreaLabel(s.value()).filter(l -> !l.isBlank());
            default -> Optional.empty();
          };
      label.ifPresent(l -> labels.put(s.value(), l));
    }
    return labels;
  }

  /** The search a visitor came from, passed on to the contact form (whose field holds 500). */
  private static String about(String query) {
    if (query == null) return "";
    String q = query.strip();
    return q.length() <= 500 ? q : "";
  }

  /** The issue a visitor came from, when it has an issue id's shape; else none. */
  private static String issueParam(Context ctx) {
    String issue = ctx.queryParam("issue");
    return issue != null && issue.matches("iss-[0-9a-f]{1,64}") ? issue : "";
  }

  /**
   * Answers 404 for something the server does not have: a page for a browser's navigation, the
   * not-found problem for anyone else (an image request, a script).
   */
  public static void notFound(Context ctx, String message) {
    if (!wantsHtml(ctx)) throw ApiException.notFound(message);
    html(ctx, 404, new Pages().notFound(message));
  }

  /**
   * Whether the client reads HTML: a browser's navigations and form posts say so in Accept. Any
   * other client (a script, curl) gets its errors as RFC 9457 problems, as from the API.
   */
  private static boolean wantsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static void html(Context ctx, int status, String body) {
    // An error page is a page for people, not a problem: the status handlers leave it alone.
    if (status >= 400) ProblemMapper.keepBody(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(body);
  }
}
