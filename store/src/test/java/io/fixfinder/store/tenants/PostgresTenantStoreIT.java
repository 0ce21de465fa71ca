package io.fixfinder.store.tenants;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenant store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresTenantStoreIT extends TenantStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
