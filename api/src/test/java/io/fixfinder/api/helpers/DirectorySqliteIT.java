package io.fixfinder.api.helpers;

import io.fixfinder.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** The helper directory on SQLite. */
class DirectorySqliteIT extends DirectoryContract {
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
