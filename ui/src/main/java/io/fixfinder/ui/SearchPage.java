package io.fixfinder.ui;

import io.fixfinder.indexer.search.SearchResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The search page: the query it shows results for, the filters from the URL, and the response when
 * there was a query to run ({@code problem} when the query could not be searched: it says why).
 *
 * @param spelling how the typed query's spelling was handled: nothing to say, a correction offered
 *     ("did you mean"), or the corrected query's results shown instead of the typo's
 * @param chips the query's interpretation, each part removable ({@link Chips})
 */
public record SearchPage(
    String query,
    Filters filters,
    Optional<SearchResponse> response,
    Optional<String> problem,
    int maxPage,
    Spelling spelling,
    List<Chips.Chip> chips) {

  /**
   * @param typed the query as typed, when the page shows results for {@code corrected} instead
   * @param offered a correction offered as a link, when the typed query's results are shown
   */
  public record Spelling(Optional<String> typed, Optional<String> offered) {
    public static final Spelling NONE = new Spelling(Optional.empty(), Optional.empty());
  }

  /**
   * The filters a URL can carry; each is a keyword id ({@code manual}, {@code washing-machine}).
   */
  public record Filters(Optional<String> kind, Optional<String> type, Optional<String> brand) {
    public static final Filters NONE =
        new Filters(Optional.empty(), Optional.empty(), Optional.empty());

    public Filters {
      Objects.requireNonNull(kind);
      Objects.requireNonNull(type);
      Objects.requireNonNull(brand);
    }

    public Filters withKind(Optional<String> k) {
      return new Filters(k, type, brand);
    }

    public Filters withType(Optional<String> t) {
      return new Filters(kind, t, brand);
    }

    public Filters withBrand(Optional<String> b) {
      return new Filters(kind, type, b);
    }

    public boolean any() {
      return kind.isPresent() || type.isPresent() || brand.isPresent();
    }
  }

  public SearchPage {
    Objects.requireNonNull(query);
    Objects.requireNonNull(filters);
    Objects.requireNonNull(response);
    Objects.requireNonNull(problem);
    Objects.requireNonNull(spelling);
    chips = List.copyOf(chips);
  }

  /** A page without interpretation chips. */
  public SearchPage(
      String query,
      Filters filters,
      Optional<SearchResponse> response,
      Optional<String> problem,
      int maxPage,
      Spelling spelling) {
    this(query, filters, response, problem, maxPage, spelling, List.of());
  }

  /**
   * This search without the part a chip stands for, with the same filters; the bare search page
   * when nothing would be left.
   */
  public String removeLink(Chips.Chip chip) {
    String rest = chip.removed().orElse(query).strip();
    return rest.isEmpty() ? "/" : Links.search(rest, filters, 1);
  }

  /** This search with facet {@code facet} ({@code type} or {@code brand}) set to {@code value}. */
  public String facetLink(String facet, String value) {
    Optional<String> v = Optional.of(value);
    return Links.search(
        query,
        switch (facet) {
          case "type" -> filters.withType(v);
          case "brand" -> filters.withBrand(v);
          default -> filters.withKind(v);
        },
        1);
  }

  /**
   * Values of facet {@code name} to offer as filters, with how many results each gives: none when
   * the results do not answer the query, or when there is one value only and it is not chosen (a
   * filter that changes nothing is noise).
   */
  public Map<String, Long> facet(String name) {
    if (!answered()) return Map.of();
    Map<String, Long> values =
        response.map(r -> r.facets().getOrDefault(name, Map.of())).orElse(Map.of());
    return values.size() < 2 ? Map.of() : values;
  }

  /** The page before any search: the form alone. */
  public static SearchPage empty(int maxPage) {
    return new SearchPage(
        "", Filters.NONE, Optional.empty(), Optional.empty(), maxPage, Spelling.NONE);
  }

  public Pager pager() {
    return response
        .map(r -> Pager.of(r.total(), r.page(), r.size(), maxPage))
        .orElse(Pager.of(0, 1, 1, 1));
  }

  /** A search for {@code other} with this page's filters, spelled exactly as given. */
  public String exactLink(String other) {
    return Links.exact(other, filters);
  }

  /** A search for {@code other} with this page's filters. */
  public String searchLink(String other) {
    return Links.search(other, filters, 1);
  }

  /** This search at another page. */
  public String pageLink(int page) {
    return Links.search(query, filters, page);
  }

  /** This search with the source-kind filter set to {@code kind} (empty: all kinds), page 1. */
  public String kindLink(Optional<String> kind) {
    return Links.search(query, filters.withKind(kind), 1);
  }

  /** This search without the type filter. */
  public String withoutType() {
    return Links.search(query, filters.withType(Optional.empty()), 1);
  }

  /** This search without the brand filter. */
  public String withoutBrand() {
    return Links.search(query, filters.withBrand(Optional.empty()), 1);
  }

  /** The source kinds to filter by, with how many results each has, in the response's order. */
  public Map<String, Long> kinds() {
    if (!answered()) return Map.of();
    return response.map(r -> r.facets().getOrDefault("kind", Map.of())).orElse(Map.of());
  }

  /** Whether the results answer the query; without a response, nothing to say. */
  /** People who can help, as the search offered them (empty without a helper directory). */
  public List<io.fixfinder.core.helpers.match.HelperCard> helpers() {
    return response.map(r -> HelperDisplay.cards(r.helpers())).orElse(List.of());
  }

  /** The issue the helpers panel is about: the top issue group, when the results answer. */
  public String topIssue() {
    List<SearchResponse.IssueGroup> groups = issues();
    return groups.isEmpty() ? "" : groups.get(0).issue().id();
  }

  public boolean answered() {
    return response.map(SearchResponse::answered).orElse(true);
  }

  /**
   * Issue groups, when the results answer the query and no source kind is chosen (a group holds
   * every kind).
   */
  public List<SearchResponse.IssueGroup> issues() {
    if (filters.kind().isPresent() || !answered()) return List.of();
    return response.map(SearchResponse::issues).orElse(List.of());
  }

  /** The hits not already shown as an issue group's best source. */
  public List<SearchResponse.Hit> otherHits() {
    if (response.isEmpty()) return List.of();
    Set<String> shown = new HashSet<>();
    for (SearchResponse.IssueGroup g : issues()) {
      for (SearchResponse.Hit h : g.best().values()) shown.add(h.id());
    }
    return response.get().hits().stream().filter(h -> !shown.contains(h.id())).toList();
  }

  /** The page's title: the query when there is one. */
  public String title() {
    return query.isEmpty() ? "FixFinder: find the fix for what broke" : query + " - FixFinder";
  }
}
