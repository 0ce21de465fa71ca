package io.fixfinder.store.accounts;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The account contract on a real SQLite file. */
class SqliteAccountStoreIT extends AccountStoreContract {
  @TempDir Path dir;

  @Override
  protected String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("accounts.db");
  }
}
