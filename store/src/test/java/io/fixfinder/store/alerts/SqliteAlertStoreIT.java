package io.fixfinder.store.alerts;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The alert store contract on a real SQLite file. */
class SqliteAlertStoreIT extends AlertStoreContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("alerts.db");
  }
}
