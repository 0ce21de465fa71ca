package io.fixfinder.store.analytics;

import io.fixfinder.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The analytics store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresAnalyticsStoreIT extends AnalyticsStoreContract {
  private final List<TestDatabases.PostgresSchema> schemas = new ArrayList<>();

  @Override
  String freshUrl() {
    TestDatabases.PostgresSchema schema = TestDatabases.PostgresSchema.create();
    schemas.add(schema);
    return schema.url();
  }

  @AfterEach
  void dropSchemas() throws Exception {
    db.close();
    for (TestDatabases.PostgresSchema s : schemas) s.close();
  }
}
