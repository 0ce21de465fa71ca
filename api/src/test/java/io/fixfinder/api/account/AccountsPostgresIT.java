package io.fixfinder.api.account;

import io.fixfinder.store.Database;
import io.fixfinder.store.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;

/**
 * The account flows on PostgreSQL, in a schema of its own that is dropped after the class (the
 * store's {@code TestDatabases}: skipped without a server, except on CI).
 */
class AccountsPostgresIT extends AccountFlowsContract {
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

  @AfterAll
  void dropSchema() throws SQLException {
    if (schema != null) schema.close();
  }
}
