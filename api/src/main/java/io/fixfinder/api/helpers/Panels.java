package io.fixfinder.api.helpers;

import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.indexer.analysis.Language;
import io.fixfinder.indexer.analysis.LanguageDetector;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.view.IssueView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The "people who can help" of a search and of an issue page: a {@link MatchQuery} from what the
 * search understood (product type, brand, model, the top issue when the results answer the query,
 * the query's language), matched in the {@link HelperDirectory}.
 *
 * <p>A search whose results do not answer the query still offers helpers for what it understood:
 * that is when a person helps most. A query of which nothing was understood offers none, since
 * nothing says who could help.
 */
public final class Panels {
  private final HelperDirectory directory;
  private final Clock clock;

  public Panels(HelperDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  public HelperDirectory directory() {
    return directory;
  }

  /** The clock "available now" is judged by, for the directory page's own queries. */
  public Clock clock() {
    return clock;
  }

  /** The response with its {@code helpers} filled. */
  public SearchResponse search(SearchRequest request, SearchResponse response) {
    MatchQuery q = query(request, response);
    if (!understood(q)) return response.withHelpers(List.of());
    // a key's search about another brand or model offers nobody (as GET /api/helpers does)
    ProductRef named = response.interpretation().product();
    if (request.scope().limited()
        && ((!named.brand().isEmpty() && !request.scope().admitsBrand(named.brand()))
            || (!named.model().isEmpty() && !request.scope().admits(named)))) {
      return response.withHelpers(List.of());
    }
    return response.withHelpers(directory.match(q));
  }

  /** The issue page with its {@code helpers} filled. */
  public IssueView.Page issue(IssueView.Page page, List<String> languages) {
    IssueCluster issue = page.issue();
    ProductRef scope = issue.scope();
    MatchQuery.Builder q =
        MatchQuery.builder(clock.instant())
            .issue(issue.id())
            .product(scope.type(), scope.brand(), scope.model())
            .languages(languages)
            .limit(HelperDirectory.PANEL_SIZE);
    if (page.faultArea() != null) q.area(page.faultArea().id(), page.faultArea().label());
    return page.withHelpers(directory.match(q.build()));
  }

  MatchQuery query(SearchRequest request, SearchResponse response) {
    ProductRef p = response.interpretation().product();
    String type = p.type().isEmpty() ? request.type().orElse("") : p.type();
    String brand = p.brand().isEmpty() ? request.brand().orElse("") : p.brand();
    String issue = "";
    if (response.answered() && !response.issues().isEmpty()) {
      IssueCluster top = response.issues().get(0).issue();
      issue = top.id();
      if (type.isEmpty()) type = top.scope().type();
      if (brand.isEmpty()) brand = top.scope().brand();
    }
    MatchQuery.Builder q =
        MatchQuery.builder(clock.instant())
            .product(type, brand, p.model())
            .languages(languages(request.query()))
            .limit(HelperDirectory.PANEL_SIZE);
    if (!issue.isEmpty()) q.issue(issue);
    return q.build();
  }

  /** Whether the search understood anything a helper's skills could match. */
  public static boolean understood(MatchQuery q) {
    return !(q.issueId().isEmpty()
        && q.type().isEmpty()
        && q.brand().isEmpty()
        && q.model().isEmpty()
        && q.faultAreaId().isEmpty());
  }

  /**
   * The languages of an {@code Accept-Language} header, preferred first, ISO 639-1 only; English
   * when it names none (a bad header is no reason to refuse a page).
   */
  public static List<String> acceptLanguages(String header) {
    List<String> out = new ArrayList<>();
    if (header != null && !header.isBlank() && header.length() <= 500) {
      try {
        for (java.util.Locale.LanguageRange r : java.util.Locale.LanguageRange.parse(header)) {
          try {
            String code = io.fixfinder.core.helpers.match.Languages.code(r.getRange());
            if (!out.contains(code)) out.add(code);
          } catch (IllegalArgumentException notAnIsoCode) {
            // "*" or an unknown tag: skip it
          }
        }
      } catch (IllegalArgumentException malformed) {
        out.clear();
      }
    }
    if (out.isEmpty()) out.add("en");
    return List.copyOf(out);
  }

  /** The query's languages, most likely first; English when it shows no other. */
  static List<String> languages(String query) {
    Set<Language> found = LanguageDetector.get().ofQuery(query);
    List<String> out = new ArrayList<>();
    if (found.size() < Language.OTHERS.size()) {
      for (Language l : found) out.add(l.code());
    }
    if (!out.contains("en")) out.add("en");
    return out;
  }
}
