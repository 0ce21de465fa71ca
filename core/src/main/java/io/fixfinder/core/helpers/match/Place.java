package io.fixfinder.core.helpers.match;

import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.geo.Location;
import java.util.Objects;

/** Where the customer is, as far as they said. */
public sealed interface Place {
  /** Nothing known: local helpers are neither preferred nor left out. */
  record Anywhere() implements Place {}

  /** Only the country (ISO alpha-2), e.g. from the site's locale. */
  record InCountry(String country) implements Place {
    public InCountry {
      country = Location.country(country);
    }
  }

  /** A point, e.g. from {@code near=lat,lon}. */
  record At(GeoPoint point) implements Place {
    public At {
      Objects.requireNonNull(point, "point");
    }
  }

  Place ANYWHERE = new Anywhere();
}
