package io.fixfinder.store.changes;

import java.util.Arrays;
import java.util.Optional;

/** What a change in the feed is about; {@link #wire()} is what the {@code topic} column holds. */
public enum Topic {
  /** A "did this fix it?" vote; the subject is the item's key ({@code doc:…}, {@code issue:…}). */
  VOTE("vote"),
  /** Issue clusters published; the subject is the generation's number. */
  CLUSTERS("clusters"),
  /** A new index generation served on the cluster; the subject is its index name. */
  INDEX("index"),
  /**
   * A change to who the helper directory offers: a helper suspended, unsuspended, deleted,
   * verified, or their profile (skills, hours, place, pause) saved. The subject is empty: servers
   * read the directory whole, and the feed keeps no trace of whom (a deleted helper's id must not
   * outlive their account in any row, even for the hour the feed keeps its rows).
   */
  HELPER("helper"),
  /**
   * A tenant's keys or scope changed: created, keys rotated, revoked; the subject is the tenant's
   * id. Servers drop the tenant's cached keys.
   */
  TENANT("tenant");

  private final String wire;

  Topic(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The topic a stored row names; empty for one a newer version wrote (readers skip it). */
  public static Optional<Topic> fromWire(String wire) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
  }
}
