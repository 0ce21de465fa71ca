package io.fixfinder.store.contact;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contact store contract on a real SQLite file. */
class SqliteContactStoreIT extends ContactStoreContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("contact.db");
  }
}
