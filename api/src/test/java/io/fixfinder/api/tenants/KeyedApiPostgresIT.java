package io.fixfinder.api.tenants;

import io.fixfinder.store.Database;
import io.fixfinder.store.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * Companies' keys over HTTP with the tenants in PostgreSQL, in a schema of its own dropped after
 * each test (the store's {@code TestDatabases}: skipped without a server, except on CI).
 */
class KeyedApiPostgresIT extends KeyedApiContract {
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
