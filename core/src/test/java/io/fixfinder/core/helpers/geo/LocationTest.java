package io.fixfinder.core.helpers.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocationTest {
  private static final GeoPoint AMSTERDAM = new GeoPoint(52.3676, 4.9041);
  private static final GeoPoint UTRECHT = new GeoPoint(52.0907, 5.1214);
  private static final GeoPoint LISBON = new GeoPoint(38.7223, -9.1393);
  private static final GeoPoint SYDNEY = new GeoPoint(-33.8688, 151.2093);

  @Test
  void greatCircleDistances() {
    // reference figures from the haversine formula on the same mean radius, to the km
    assertThat(AMSTERDAM.distanceKm(UTRECHT)).isCloseTo(34.4, within(0.5));
    assertThat(AMSTERDAM.distanceKm(LISBON)).isCloseTo(1865, within(5.0));
    assertThat(AMSTERDAM.distanceKm(SYDNEY)).isCloseTo(16640, within(20.0));
    assertThat(AMSTERDAM.distanceKm(AMSTERDAM)).isZero();
    assertThat(LISBON.distanceKm(SYDNEY)).isEqualTo(SYDNEY.distanceKm(LISBON));
    // antipodes: half the circumference
    assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180)))
        .isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_KM, within(1e-6));
  }

  @Test
  void rejectsOutOfRangeCoordinates() {
    assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("latitude 91.0");
    assertThatThrownBy(() -> new GeoPoint(0, -180.5)).hasMessageContaining("longitude -180.5");
    assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).hasMessageContaining("latitude NaN");
  }

  @Test
  void aProfileMayLeaveTheCountryOut() {
    Location l = Location.of("", "Utrecht");
    assertThat(l.country()).isEmpty();
    assertThat(l.countryName()).isEmpty();
    assertThatThrownBy(() -> Location.of("XX", "Utrecht")).hasMessageContaining("'XX'");
  }

  @Test
  void parsesAQueryPoint() {
    assertThat(GeoPoint.parse(" 52.37, 4.90")).isEqualTo(new GeoPoint(52.37, 4.90));
    assertThatThrownBy(() -> GeoPoint.parse("52.37"))
        .hasMessageContaining("'52.37' is not a point");
    assertThatThrownBy(() -> GeoPoint.parse("north,east")).hasMessageContaining("lat,lon");
    assertThatThrownBy(() -> GeoPoint.parse("95,4")).hasMessageContaining("latitude 95.0");
  }

  @Test
  void countryCodesAreIsoAlpha2() {
    Location l = Location.of("pt", " Lisbon ", 38.72, -9.14);
    assertThat(l.country()).isEqualTo("PT");
    assertThat(l.city()).isEqualTo("Lisbon");
    assertThat(l.countryName()).isEqualTo("Portugal");
    assertThat(l.distanceKm(LISBON).orElseThrow()).isLessThan(2);
    assertThat(Location.of("NL", "Utrecht").distanceKm(LISBON)).isEmpty();
    assertThatThrownBy(() -> Location.of("XX", "Nowhere"))
        .hasMessageContaining("'XX' is not an ISO 3166");
    assertThatThrownBy(() -> Location.of("NLD", "Utrecht")).hasMessageContaining("alpha-2");
  }
}
