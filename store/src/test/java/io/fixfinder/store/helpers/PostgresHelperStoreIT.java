package io.fixfinder.store.helpers;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** The helper contract on a real PostgreSQL, in a fresh schema per test, dropped after. */
class PostgresHelperStoreIT extends HelperStoreContract {
  private TestDatabases.PostgresSchema schema;

  @Override
  protected String freshUrl() {
    schema = TestDatabases.PostgresSchema.create();
    return schema.url();
  }

  @AfterEach
  void dropSchema() throws Exception {
    db.close();
    if (schema != null) schema.close();
  }
}
