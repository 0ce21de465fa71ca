package io.fixfinder.store.alerts;

import java.time.Instant;
import java.time.LocalDate;

/** One alert as the store remembers it: which issue, for which window, and how its sending went. */
public record AlertClaim(
    String tenantId, String issueId, LocalDate windowEnd, Instant claimedAt, Outcome outcome) {

  /** A claim's state: claimed (being sent), then sent or failed. */
  public enum Outcome {
    CLAIMED,
    SENT,
    FAILED;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome of(String id) {
      return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
