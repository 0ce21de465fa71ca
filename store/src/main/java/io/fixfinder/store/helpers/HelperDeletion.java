package io.fixfinder.store.helpers;

import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.Jdbc;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.changes.ChangeFeed;
import io.fixfinder.store.changes.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Deletes a helper's account and every row that holds their personal data, in one transaction: the
 * helper row (name, sealed email, password hash), skills, channels, link tokens, sessions, the
 * account's login failures, and whatever the registered {@link HelperDataOwner}s keep. Nothing is
 * kept "for later": what an export would show is gone when this returns. The deletion goes on the
 * change feed ({@link Topic#HELPER}) in the same transaction, so other servers unlist the helper at
 * their next poll.
 */
public final class HelperDeletion {
  private final Database db;
  private final List<HelperDataOwner> owners;

  public HelperDeletion(Database db, List<HelperDataOwner> owners) {
    this.db = db;
    this.owners = List.copyOf(owners);
  }

  /** The acting helper deletes their own account; false when it was already gone. */
  public boolean deleteOwn(Session session) {
    return delete(session.helperId());
  }

  /** The operator deletes an account; false when there is none with that id. */
  public boolean delete(String helperId) {
    return db.transaction(c -> delete(c, helperId));
  }

  private boolean delete(Connection c, String id) throws SQLException {
    Optional<String> emailIndex =
        Jdbc.one(c, "SELECT email_index FROM helper WHERE id = ?", rs -> rs.getString(1), id);
    if (emailIndex.isEmpty()) return false;
    for (HelperDataOwner owner : owners) owner.deleteHelperData(c, id);
    Jdbc.update(
        c, "DELETE FROM login_failure WHERE kind = 'account' AND subject = ?", emailIndex.get());
    // The foreign keys cascade too; explicit deletes say what goes, whatever the engine's setup.
    for (String table :
        List.of("helper_skill", "helper_channel", "helper_token", "helper_session")) {
      Jdbc.update(c, "DELETE FROM " + table + " WHERE helper_id = ?", id);
    }
    boolean deleted = Jdbc.update(c, "DELETE FROM helper WHERE id = ?", id) == 1;
    if (deleted) ChangeFeed.append(c, Topic.HELPER, "");
    return deleted;
  }
}
