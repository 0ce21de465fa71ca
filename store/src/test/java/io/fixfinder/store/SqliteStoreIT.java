package io.fixfinder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file. */
class SqliteStoreIT extends StoreContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("nested/folder/fixfinder.db");
  }

  @Override
  String readOnly(String url) {
    // An SQLite URI filename opened read-only: reads work, every write is SQLITE_READONLY.
    return url.replace("jdbc:sqlite:", "jdbc:sqlite:file:") + "?mode=ro";
  }

  @Override
  Database.Kind expectedKind() {
    return Database.Kind.SQLITE;
  }

  @Test
  void fileIsCreatedWithTheWriteAheadLog() {
    assertThat(Files.exists(dir.resolve("nested/folder/fixfinder.db"))).isTrue();
    String mode =
        db.read(
            c -> {
              try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
              }
            });
    assertThat(mode).isEqualToIgnoringCase("wal");
    long busy =
        db.read(
            c -> {
              try (ResultSet rs = c.createStatement().executeQuery("PRAGMA busy_timeout")) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(busy).isEqualTo(5000);
  }
}
