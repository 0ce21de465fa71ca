package io.fixfinder.store.clusters;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The cluster generations contract on a real SQLite file, opened twice as two processes would. */
class SqliteClusterGenerationsIT extends ClusterGenerationsContract {
  @TempDir Path dir;

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("clusters.db");
  }
}
