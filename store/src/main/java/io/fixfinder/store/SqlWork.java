package io.fixfinder.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside {@link Database#transaction} or {@link Database#read}. */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
