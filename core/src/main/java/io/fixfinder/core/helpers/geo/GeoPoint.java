package io.fixfinder.core.helpers.geo;

/**
 * A point on the earth in WGS 84 degrees. Coordinates are rounded by whoever stores them (a helper
 * gives their town, not their door); this record only checks ranges.
 */
public record GeoPoint(double lat, double lon) {
  /** Mean earth radius (IUGG), in km: the haversine distance's sphere. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude " + lat + " is not within -90..90");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude " + lon + " is not within -180..180");
    }
  }

  /** Great-circle distance in km (haversine: accurate at short range, where it matters here). */
  public double distanceKm(GeoPoint other) {
    return distanceKm(lat, lon, other.lat, other.lon);
  }

  /** Haversine distance in km between two points given in degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /**
   * Parses {@code "lat,lon"} as a query parameter gives it ({@code near=52.37,4.90}).
   *
   * @throws IllegalArgumentException naming the bad text
   */
  public static GeoPoint parse(String text) {
    String[] parts = text == null ? new String[0] : text.split(",", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a point: expected 'lat,lon' in degrees, e.g. 52.37,4.90");
    }
    try {
      return new GeoPoint(
          Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a point: expected 'lat,lon' in degrees, e.g. 52.37,4.90");
    }
  }
}
