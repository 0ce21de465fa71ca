package io.fixfinder.api.dashboard;

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
 * The dashboard over HTTP with its analytics in PostgreSQL, in a schema of its own dropped after
 * (skipped without a server, except on CI).
 */
class DashboardPostgresIT extends DashboardContract {
  static final String URL =
      System.getenv()
          .getOrDefault(
              "FIXFINDER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  Database openDatabase(Path dir) {
    schema = "ff_dash_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable for the tests: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why, e);
      Assumptions.abort(why + " (skipped outside CI)");
    }
    return Database.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
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
