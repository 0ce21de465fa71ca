package io.fixfinder.api.helpers;

import io.fixfinder.store.Database;
import io.fixfinder.store.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The helper directory on PostgreSQL, in a schema of its own per test, dropped after it (the
 * store's {@code TestDatabases}: skipped without a server, except on CI).
 */
class DirectoryPostgresIT extends DirectoryContract {
  private PostgresSchema schema;

  @Override
  Database openDatabase(Path dir) {
    schema = PostgresSchema.create();
    return Database.open(schema.url());
  }

  @Override
  Connection connection() throws Exception {
    return DriverManager.getConnection(schema.url());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) schema.close();
  }
}
