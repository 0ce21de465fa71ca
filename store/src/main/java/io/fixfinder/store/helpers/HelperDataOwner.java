package io.fixfinder.store.helpers;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Another store that keeps rows about a helper (contact requests, messages): called inside the
 * transaction that deletes the helper, so that an account's personal data goes at once and
 * together, or not at all.
 */
@FunctionalInterface
public interface HelperDataOwner {
  void deleteHelperData(Connection c, String helperId) throws SQLException;
}
