package io.fixfinder.store.analytics;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analytics store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresAnalyticsStoreIT extends AnalyticsStoreContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
