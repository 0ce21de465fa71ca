/**
 * Trends over daily counts: which issue clusters are growing faster than chance allows (emerging
 * issues), for a company's dashboard. Pure arithmetic over counts the caller aggregates (searches
 * that led to a cluster, votes on it); no personal data reaches this package.
 */
package io.fixfinder.core.trends;
