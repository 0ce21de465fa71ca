package io.fixfinder.store.helpers;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.time.Instant;
import java.util.List;

/**
 * The operator's commands ({@code ./fixfinder helpers list|suspend|delete|reports}). They name a
 * helper by id and never show a contact detail. A suspension, its lifting and a deletion go on the
 * change feed ({@link Topic#HELPER}) in their own transaction, so every running server drops (or
 * lists again) the helper at its next poll, not at its directory's next refresh.
 */
public final class HelperAdmin {
  private final Database db;
  private final HelperDeletion deletion;

  public HelperAdmin(Database db, HelperDeletion deletion) {
    this.db = db;
    this.deletion = deletion;
  }

  /** Every helper, oldest first. */
  public List<HelperSummary> list() {
    return db.read(
        c ->
            Jdbc.list(
                c,
                "SELECT id, verified, suspended, display_name, created_at_ms FROM helper"
                    + " ORDER BY created_at_ms, id",
                rs ->
                    new HelperSummary(
                        rs.getString(1),
                        HelperStatus.of(rs.getBoolean(2), rs.getBoolean(3)),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getBoolean(2))));
  }

  /** Whether a helper with this id exists, whatever their status. */
  public boolean exists(String helperId) {
    return db.read(
        c ->
            !Jdbc.list(c, "SELECT id FROM helper WHERE id = ?", rs -> rs.getString(1), helperId)
                .isEmpty());
  }

  /**
   * Suspends a helper: unlisted at once, every session ended, no login or reset link until {@link
   * #unsuspend}. False when there is no such helper.
   */
  public boolean suspend(String helperId) {
    return db.transaction(
        c -> {
          int n = Jdbc.update(c, "UPDATE helper SET suspended = ? WHERE id = ?", true, helperId);
          Jdbc.update(c, "DELETE FROM helper_session WHERE helper_id = ?", helperId);
          if (n == 1) ChangeFeed.append(c, Topic.HELPER, "");
          return n == 1;
        });
  }

  /** Lifts a suspension; false when there is no such helper. */
  public boolean unsuspend(String helperId) {
    return db.transaction(
        c -> {
          int n = Jdbc.update(c, "UPDATE helper SET suspended = ? WHERE id = ?", false, helperId);
          if (n == 1) ChangeFeed.append(c, Topic.HELPER, "");
          return n == 1;
        });
  }

  /** Deletes a helper and all their personal data; false when there is no such helper. */
  public boolean delete(String helperId) {
    return deletion.delete(helperId);
  }
}
