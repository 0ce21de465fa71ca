package io.fixfinder.store.helpers;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helper contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresHelperStoreIT extends HelperStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  protected String freshUrl() {
    return schemas.freshUrl();
  }
}
