package io.fixfinder.api.helpers;

import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.search.Params;
import io.fixfinder.api.tenants.Scopes;
import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.match.HelperCard;
import io.fixfinder.core.helpers.match.HelperFilter;
import io.fixfinder.core.helpers.match.Languages;
import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.helpers.match.Place;
import io.fixfinder.indexer.search.Scope;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /api/helpers} (the directory, filtered and ranked) and {@code GET /api/helpers/{id}}
 * (one helper's public card). Without a directory (no database of people served) both answer 404
 * {@code unknown-helper} for an id and an empty list for the directory.
 */
public final class HelpersHandler {
  private static final Set<String> LIST_PARAMS =
      Set.of("issue", "type", "brand", "model", "near", "radius", "availableNow", "lang", "limit");
  private static final Pattern ISSUE_ID = Pattern.compile("iss-[0-9a-f]{12}");
  private static final Pattern TYPE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern HELPER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Optional<HelperDirectory> directory;
  private final Clock clock;
  private final java.util.function.BiPredicate<String, Scope> issueInScope;

  /** Brands by squashed model ("WM8420X" to "Aqualine"), to tell whether a model is in scope. */
  private static final Map<String, List<String>> BRANDS_OF_MODEL = brandsOfModels();

  public HelpersHandler(Optional<HelperDirectory> directory, Clock clock) {
    this(directory, clock, (issue, scope) -> !scope.limited());
  }

  /**
   * @param issueInScope whether an issue id is one a key's scope admits
   */
  public HelpersHandler(
      Optional<HelperDirectory> directory,
      Clock clock,
      java.util.function.BiPredicate<String, Scope> issueInScope) {
    this.directory = directory;
    this.clock = clock;
    this.issueInScope = issueInScope;
  }

  /**
   * {@code GET /api/helpers}: {@code {"helpers": [...], "count": n}}. With a key's scope, an {@code
   * issue}, {@code brand} or {@code model} outside it finds nobody (the directory is public, but a
   * key's answers stay about its own products).
   */
  public void list(Context ctx) {
    Params.rejectUnknown(ctx, LIST_PARAMS);
    MatchQuery q = query(ctx);
    Scope scope = Scopes.of(ctx);
    boolean outside =
        scope.limited()
            && (Params.keyword(ctx, "issue").map(i -> !issueInScope.test(i, scope)).orElse(false)
                || Params.keyword(ctx, "brand").map(b -> !scope.admitsBrand(b)).orElse(false)
                || Params.keyword(ctx, "model").map(m -> !modelInScope(m, scope)).orElse(false));
    List<HelperCard> found = outside ? List.of() : directory.map(d -> d.match(q)).orElse(List.of());
    ctx.json(Map.of("helpers", found, "count", found.size()));
  }

  /**
   * {@code GET /api/helpers/{id}}: the card of a listed helper, else 404 {@code unknown-helper}.
   */
  public void helper(Context ctx) {
    Params.rejectUnknown(ctx, Set.of());
    String id = ctx.pathParam("id");
    Optional<HelperCard> card =
        HELPER_ID.matcher(id).matches() ? directory.flatMap(d -> d.card(id)) : Optional.empty();
    ctx.json(card.orElseThrow(() -> unknown(id)));
  }

  private static boolean modelInScope(String model, Scope scope) {
    String squashed = io.fixfinder.core.understand.KeyExtractor.squash(model);
    for (String brand : BRANDS_OF_MODEL.getOrDefault(squashed, List.of())) {
      if (scope.brands().contains(io.fixfinder.indexer.schema.DocumentMapper.brandKey(brand))) {
        return true;
      }
    }
    for (Scope.Product p : scope.products()) if (p.model().equals(squashed)) return true;
    return false;
  }

  private static Map<String, List<String>> brandsOfModels() {
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (io.fixfinder.core.understand.Lexicon.Brand b :
        io.fixfinder.core.understand.Lexicon.builtIn().brands()) {
      for (String m : b.models().keySet()) {
        out.computeIfAbsent(
                io.fixfinder.core.understand.KeyExtractor.squash(m), k -> new ArrayList<>())
            .add(b.name());
      }
    }
    return out;
  }

  /** The 404 of a helper who does not exist, is not verified, suspended or deleted: all alike. */
  public static ApiException unknown(String id) {
    return new ApiException(
        404,
        "unknown-helper",
        "Unknown helper",
        "No listed helper has the id '"
            + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
            + "'");
  }

  private MatchQuery query(Context ctx) {
    return query(ctx, clock.instant(), Params.intParam(ctx, "limit", 20, 1, 100), false);
  }

  /**
   * The directory's filters from a request's parameters, checked as {@code GET /api/helpers} checks
   * them: the JSON list and the {@code /helpers} page read one set of filters.
   *
   * @param fromForm the request comes from the page's form, which always sends its radius field: a
   *     radius without {@code near} is then ignored rather than refused
   * @throws ApiException 400 {@code invalid-parameter}, naming the parameter and the bad value
   */
  public static MatchQuery query(Context ctx, java.time.Instant now, int limit, boolean fromForm) {
    MatchQuery.Builder b = MatchQuery.builder(now).limit(limit);
    Optional<String> issue = Params.keyword(ctx, "issue");
    if (issue.isPresent()) {
      if (!ISSUE_ID.matcher(issue.get()).matches()) {
        throw bad("issue", issue.get(), "an issue id: iss- and 12 hex digits");
      }
      b.issue(issue.get()).require(SkillKind.ISSUE);
    }
    Optional<String> type = Params.keyword(ctx, "type");
    if (type.isPresent() && !TYPE_ID.matcher(type.get()).matches()) {
      throw bad("type", type.get(), "a product type id, e.g. washing-machine");
    }
    Optional<String> brand = Params.keyword(ctx, "brand");
    Optional<String> model = Params.keyword(ctx, "model");
    b.product(type.orElse(""), brand.orElse(""), model.orElse(""));
    type.ifPresent(t -> b.require(SkillKind.TYPE));
    brand.ifPresent(t -> b.require(SkillKind.BRAND));
    model.ifPresent(t -> b.require(SkillKind.MODEL));
    Optional<String> near = Params.keyword(ctx, "near");
    if (near.isPresent()) {
      GeoPoint point;
      try {
        point = GeoPoint.parse(near.get());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid-parameter", "Parameter 'near': " + e.getMessage());
      }
      double radius =
          Params.intParam(ctx, "radius", (int) HelperFilter.DEFAULT_RADIUS_KM, 1, 20_000);
      b.place(new Place.At(point)).withinKm(radius);
    } else if (ctx.queryParam("radius") != null && !fromForm) {
      throw ApiException.badRequest(
          "invalid-parameter", "Parameter 'radius' needs 'near', e.g. near=52.37,4.90&radius=25");
    }
    String available = ctx.queryParam("availableNow");
    if (available != null) {
      switch (available.strip()) {
        case "true" -> b.availableNowOnly(true);
        case "false", "" -> b.availableNowOnly(false);
        default -> throw bad("availableNow", available, "true or false");
      }
    }
    b.languages(languages(ctx.queryParam("lang")));
    return b.build();
  }

  private static List<String> languages(String raw) {
    if (raw == null || raw.isBlank()) return List.of();
    if (raw.length() > 100) {
      throw ApiException.badRequest(
          "invalid-parameter", "Parameter 'lang' is longer than 100 characters");
    }
    List<String> out = new ArrayList<>();
    for (String tag : raw.split(",", -1)) {
      try {
        out.add(Languages.code(tag));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid-parameter", "Parameter 'lang': " + e.getMessage());
      }
    }
    return out;
  }

  private static ApiException bad(String name, String value, String expected) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return ApiException.badRequest(
        "invalid-parameter",
        "Parameter '" + name + "' must be " + expected + ", got '" + shown + "'");
  }
}
