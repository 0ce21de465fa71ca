package io.fixfinder.store.clusters;

import io.fixfinder.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster generations contract on a real PostgreSQL, in a fresh schema per test, dropped after.
 */
class PostgresClusterGenerationsIT extends ClusterGenerationsContract {
  @RegisterExtension final TestDatabases.Schemas schemas = new TestDatabases.Schemas();

  @Override
  String freshUrl() {
    return schemas.freshUrl();
  }
}
