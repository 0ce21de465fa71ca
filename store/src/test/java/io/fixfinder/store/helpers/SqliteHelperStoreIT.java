package io.fixfinder.store.helpers;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The helper contract on a real SQLite file. */
class SqliteHelperStoreIT extends HelperStoreContract {
  @TempDir Path dir;

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("helpers.db");
  }
}
