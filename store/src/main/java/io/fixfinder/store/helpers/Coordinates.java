package io.fixfinder.store.helpers;

/**
 * A point in WGS 84 degrees. Not checked here, so that input can be built before it is judged:
 * {@link ProfileRules} refuses points out of range.
 */
public record Coordinates(double latitude, double longitude) {}
