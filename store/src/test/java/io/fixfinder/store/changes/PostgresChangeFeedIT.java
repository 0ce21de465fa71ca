package io.fixfinder.store.changes;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresChangeFeedIT extends ChangeFeedContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
