package io.fixfinder.api.dashboard;

import io.fixfinder.store.Database;
import java.nio.file.Path;

/** The dashboard over HTTP with its analytics in a SQLite file. */
class DashboardSqliteIT extends DashboardContract {
  @Override
  Database openDatabase(Path dir) {
    return Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"));
  }
}
