package io.fixfinder.api.account;

import io.fixfinder.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** The account flows on SQLite (the default engine). */
class AccountsSqliteIT extends AccountFlowsContract {
  private Path file;

  @Override
  Database openDatabase(Path dir) {
    file = dir.resolve("fixfinder.db");
    return Database.open("jdbc:sqlite:" + file);
  }

  @Override
  Connection connection() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }
}
