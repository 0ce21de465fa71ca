package io.fixfinder.store.contact;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contact store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresContactStoreIT extends ContactStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
