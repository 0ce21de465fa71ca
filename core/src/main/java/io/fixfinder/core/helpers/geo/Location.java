package io.fixfinder.core.helpers.geo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a helper lives: an ISO 3166 alpha-2 country, a city name as they write it, and optionally a
 * point (for distances). Without a point only the country says whether a helper is near.
 */
public record Location(String country, String city, Optional<GeoPoint> point) {
  public static final int MAX_CITY_LENGTH = 100;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public Location {
    // a profile may leave the country out: "" is "not given", never a match for a country
    country = country == null || country.isBlank() ? "" : country(country);
    city = city == null ? "" : city.strip();
    if (city.length() > MAX_CITY_LENGTH) {
      throw new IllegalArgumentException("city longer than " + MAX_CITY_LENGTH + " characters");
    }
    if (city.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("city with a control character");
    }
    point = Objects.requireNonNull(point, "point (Optional.empty() when unknown)");
  }

  public static Location of(String country, String city) {
    return new Location(country, city, Optional.empty());
  }

  public static Location of(String country, String city, double lat, double lon) {
    return new Location(country, city, Optional.of(new GeoPoint(lat, lon)));
  }

  /**
   * The upper-case alpha-2 code.
   *
   * @throws IllegalArgumentException naming the bad code
   */
  public static String country(String code) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(c)) {
      throw new IllegalArgumentException(
          "'" + code + "' is not an ISO 3166 alpha-2 country code (e.g. NL, PT, US)");
    }
    return c;
  }

  /** The country's English name ("Portugal"). */
  public String countryName() {
    if (country.isEmpty()) return "";
    return Locale.of("", country).getDisplayCountry(Locale.ENGLISH);
  }

  /** Great-circle distance to {@code p}; empty without a point of our own. */
  public Optional<Double> distanceKm(GeoPoint p) {
    return point.map(q -> q.distanceKm(p));
  }
}
