package io.fixfinder.api.helpers;

import io.fixfinder.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The helper directory on PostgreSQL, a schema per test dropped after (skipped without a server,
 * except on CI), as the account flows' PostgreSQL test does.
 */
class DirectoryPostgresIT extends DirectoryContract {
  static final String URL =
      System.getenv()
          .getOrDefault(
              "FIXFINDER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  Database openDatabase(Path dir) {
    schema = "ff_dir_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable for the tests: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why, e);
      Assumptions.abort(why + " (skipped outside CI)");
    }
    return Database.open(url());
  }

  private String url() {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  Connection connection() throws Exception {
    return DriverManager.getConnection(url());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema == null) return;
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
