package io.fixfinder.api.tenants;

import io.fixfinder.store.Database;
import java.nio.file.Path;

/** Companies' keys over HTTP with the tenants in SQLite (the default engine). */
class KeyedApiSqliteIT extends KeyedApiContract {
  @Override
  Database openDatabase(Path dir) {
    return Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"));
  }
}
