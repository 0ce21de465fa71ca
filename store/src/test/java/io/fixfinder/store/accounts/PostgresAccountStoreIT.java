package io.fixfinder.store.accounts;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresAccountStoreIT extends AccountStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  protected String freshUrl() {
    return schemas.freshUrl();
  }
}
