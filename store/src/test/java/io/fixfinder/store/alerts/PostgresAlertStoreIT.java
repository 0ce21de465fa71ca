package io.fixfinder.store.alerts;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alert store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresAlertStoreIT extends AlertStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
