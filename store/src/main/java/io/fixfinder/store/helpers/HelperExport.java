package io.fixfinder.store.helpers;

import java.time.Instant;
import java.util.List;

/**
 * Everything the store holds about a helper, decrypted, for the helper themselves (data
 * portability). Secrets are not data about the person and stay out: the password hash, token and
 * session hashes, CSRF secrets.
 */
public record HelperExport(
    String id,
    String loginEmail,
    HelperStatus status,
    Instant created,
    Instant updated,
    Profile profile,
    ContactChannels channels,
    List<SessionInfo> sessions) {
  public HelperExport {
    sessions = List.copyOf(sessions);
  }

  /** Never the address or channels: records print themselves into logs too easily. */
  @Override
  public String toString() {
    return "HelperExport[" + id + ", " + status + ", sessions=" + sessions.size() + "]";
  }

  /** A login that is still open. */
  public record SessionInfo(Instant created, Instant lastSeen, Instant expires) {}
}
