package io.fixfinder.store.tenants;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tenant store contract on a real SQLite file. */
class SqliteTenantStoreIT extends TenantStoreContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("tenants.db");
  }
}
