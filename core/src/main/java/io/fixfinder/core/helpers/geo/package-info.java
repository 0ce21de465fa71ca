/**
 * Where a helper is: country, city and optional coordinates, and the great-circle distance that "12
 * km away" and the {@code near} filter are computed from.
 */
package io.fixfinder.core.helpers.geo;
