package io.fixfinder.store.alerts;

import io.fixfinder.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The alert store contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresAlertStoreIT extends AlertStoreContract {
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
