package io.fixfinder.store.helpers;

import java.time.Instant;

/**
 * One line of the operator's list: no contact detail.
 *
 * @param verified whether the address was confirmed (a suspended helper may be either)
 */
public record HelperSummary(
    String id, HelperStatus status, String displayName, Instant created, boolean verified) {
  public HelperSummary(String id, HelperStatus status, String displayName, Instant created) {
    this(id, status, displayName, created, status == HelperStatus.ACTIVE);
  }
}
