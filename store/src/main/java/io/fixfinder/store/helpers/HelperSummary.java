package io.fixfinder.store.helpers;

import java.time.Instant;

/** One line of the operator's list: no contact detail. */
public record HelperSummary(String id, HelperStatus status, String displayName, Instant created) {}
