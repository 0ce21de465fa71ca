package io.fixfinder.store.analytics;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The analytics store contract on a real SQLite file. */
class SqliteAnalyticsStoreIT extends AnalyticsStoreContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("analytics.db");
  }
}
