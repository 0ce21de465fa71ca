package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.SkillKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a customer needs help with. Empty strings mean "not known"; a helper is a candidate when at
 * least one of the given skill values is among theirs (or, when none is given, every helper is).
 *
 * @param issueId the issue cluster id ({@code iss-...})
 * @param faultAreaId the issue's fault area id ({@code fa-...})
 * @param faultAreaLabel the area's label for reasons ("Water / drain / blockage")
 * @param type product type id
 * @param brand brand as in the lexicon
 * @param model normalised model
 * @param languages the customer's languages, preferred first (ISO 639-1)
 * @param availableNowOnly only helpers whose hours cover {@code now}
 * @param required skill kinds a helper must match (the list endpoint's filters), beyond "any"
 * @param withinKm only helpers with a point at most this far from {@link Place.At} (the {@code
 *     near} filter)
 * @param now the instant "available now" is judged at
 * @param limit how many matches at most (1..100)
 */
public record MatchQuery(
    String issueId,
    String faultAreaId,
    String faultAreaLabel,
    String type,
    String brand,
    String model,
    List<String> languages,
    Place place,
    boolean availableNowOnly,
    Set<SkillKind> required,
    OptionalDouble withinKm,
    Instant now,
    int limit) {

  public static final int MAX_LIMIT = 100;

  public MatchQuery {
    issueId = strip(issueId);
    faultAreaId = strip(faultAreaId);
    faultAreaLabel = strip(faultAreaLabel);
    type = strip(type);
    brand = strip(brand);
    model = strip(model);
    List<String> codes = new ArrayList<>();
    for (String l : languages) {
      String c = Languages.code(l);
      if (!codes.contains(c)) codes.add(c);
    }
    languages = List.copyOf(codes);
    Objects.requireNonNull(place, "place");
    required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    for (SkillKind k : required) {
      if (value(k, issueId, model, brand, type, faultAreaId).isEmpty()) {
        throw new IllegalArgumentException("required " + k.key() + " without a value");
      }
    }
    Objects.requireNonNull(withinKm, "withinKm");
    if (withinKm.isPresent()) {
      if (!(place instanceof Place.At)) {
        throw new IllegalArgumentException("a distance limit needs a point to measure from");
      }
      if (!(withinKm.getAsDouble() > 0)) {
        throw new IllegalArgumentException("distance limit must be positive");
      }
    }
    Objects.requireNonNull(now, "now");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " is not within 1.." + MAX_LIMIT);
    }
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  private static String value(
      SkillKind k, String issue, String model, String brand, String type, String area) {
    return switch (k) {
      case ISSUE -> issue;
      case MODEL -> model;
      case BRAND -> brand;
      case TYPE -> type;
      case AREA -> area;
    };
  }

  /** The query's value for a skill kind ("" when not given). */
  public String value(SkillKind kind) {
    return value(kind, issueId, model, brand, type, faultAreaId);
  }

  public static Builder builder(Instant now) {
    return new Builder(now);
  }

  /** Builds a query field by field; unset fields are empty. */
  public static final class Builder {
    private String issueId = "";
    private String faultAreaId = "";
    private String faultAreaLabel = "";
    private String type = "";
    private String brand = "";
    private String model = "";
    private List<String> languages = List.of();
    private Place place = Place.ANYWHERE;
    private boolean availableNowOnly;
    private final Set<SkillKind> required = EnumSet.noneOf(SkillKind.class);
    private OptionalDouble withinKm = OptionalDouble.empty();
    private final Instant now;
    private int limit = 10;

    private Builder(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
    }

    public Builder issue(String issueId, String faultAreaId, String faultAreaLabel) {
      this.issueId = issueId;
      this.faultAreaId = faultAreaId;
      this.faultAreaLabel = faultAreaLabel;
      return this;
    }

    public Builder issue(String issueId) {
      this.issueId = issueId;
      return this;
    }

    public Builder area(String faultAreaId, String label) {
      this.faultAreaId = faultAreaId;
      this.faultAreaLabel = label;
      return this;
    }

    public Builder product(String type, String brand, String model) {
      this.type = type;
      this.brand = brand;
      this.model = model;
      return this;
    }

    public Builder languages(List<String> languages) {
      this.languages = languages;
      return this;
    }

    public Builder place(Place place) {
      this.place = place;
      return this;
    }

    public Builder availableNowOnly(boolean only) {
      this.availableNowOnly = only;
      return this;
    }

    public Builder require(SkillKind kind) {
      required.add(kind);
      return this;
    }

    public Builder withinKm(double km) {
      this.withinKm = OptionalDouble.of(km);
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public MatchQuery build() {
      return new MatchQuery(
          issueId,
          faultAreaId,
          faultAreaLabel,
          type,
          brand,
          model,
          languages,
          place,
          availableNowOnly,
          required,
          withinKm,
          now,
          limit);
    }
  }
}
