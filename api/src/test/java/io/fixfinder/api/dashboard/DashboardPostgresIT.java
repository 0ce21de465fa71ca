package io.fixfinder.api.dashboard;

import io.fixfinder.store.Database;
import io.fixfinder.store.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The dashboard over HTTP with its analytics in PostgreSQL, in a schema of its own dropped after
 * each test (the store's {@code TestDatabases}: skipped without a server, except on CI).
 */
class DashboardPostgresIT extends DashboardContract {
  private PostgresSchema schema;

  @Override
  Database openDatabase(Path dir) {
    schema = PostgresSchema.create();
    return Database.open(schema.url());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) schema.close();
  }
}
