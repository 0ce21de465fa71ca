package io.fixfinder.store.changes;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The change feed contract on a real SQLite file, opened twice as two processes would. */
class SqliteChangeFeedIT extends ChangeFeedContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("changes.db");
  }
}
