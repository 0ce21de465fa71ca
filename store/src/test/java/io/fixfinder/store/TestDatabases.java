package io.fixfinder.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the tests' PostgreSQL is: {@code FIXFINDER_TEST_POSTGRES_URL} or the local server with
 * trust auth that development machines and CI run. Each test class gets a fresh schema, dropped
 * after. Without a reachable server the PostgreSQL tests are skipped on a developer's machine and
 * fail on CI ({@code CI=true}), so a green CI always means both engines ran.
 */
public final class TestDatabases {
  public static final String POSTGRES_URL =
      System.getenv()
          .getOrDefault(
              "FIXFINDER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  /** A fresh, empty PostgreSQL schema; {@link #url()} opens connections that use it. */
  public record PostgresSchema(String name) implements AutoCloseable {
    public static PostgresSchema create() {
      String name =
          "ff_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      try (Connection c = DriverManager.getConnection(POSTGRES_URL);
          Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + name);
      } catch (SQLException e) {
        String why = "PostgreSQL is not reachable for the tests: " + e.getMessage();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(why, e);
        Assumptions.abort(why + " (skipped outside CI)");
      }
      return new PostgresSchema(name.toLowerCase(Locale.ROOT));
    }

    public String url() {
      return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
      try (Connection c = DriverManager.getConnection(POSTGRES_URL);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }
  }

  /**
   * The fresh schemas of one test, dropped after it: register as a field with
   * {@code @RegisterExtension}. It runs after every {@code @AfterEach}, so the test's database is
   * closed before its schema goes.
   */
  public static final class Schemas implements AfterEachCallback {
    private final List<PostgresSchema> created = new ArrayList<>();

    /** A connection URL into a new empty schema. */
    public String freshUrl() {
      PostgresSchema schema = PostgresSchema.create();
      created.add(schema);
      return schema.url();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
      for (PostgresSchema s : created) s.close();
      created.clear();
    }
  }
}
