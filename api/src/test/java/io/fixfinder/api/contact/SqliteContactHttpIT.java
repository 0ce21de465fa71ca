package io.fixfinder.api.contact;

import io.fixfinder.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** The contact flows on SQLite (the default engine). */
class SqliteContactHttpIT extends ContactFlowsContract {
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
