package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.testing.ChildJvm;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 during indexing: the index passes CheckIndex and holds every committed document. */
class IndexDurabilityIT {
  @TempDir Path dir;

  @Test
  void killedWriterLosesNothingCommitted() throws Exception {
    // SIGKILL, mid-batch
    long committed =
        ChildJvm.runUntilThenKill(IndexChild.class, "committed ", 2_000, dir.toString());
    assertThat(committed).isGreaterThanOrEqualTo(2_000);
    Path generation = dir.resolve(java.nio.file.Files.readString(dir.resolve("CURRENT")).strip());
    try (FSDirectory directory = FSDirectory.open(generation)) {
      try (CheckIndex check = new CheckIndex(directory)) {
        assertThat(check.checkIndex().clean).isTrue();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat((long) reader.numDocs()).isGreaterThanOrEqualTo(committed);
      }
    }
    // And it opens for writing again, as after a restart.
    try (IndexStore store = IndexStore.open(dir, 16)) {
      assertThat(store.count()).isGreaterThanOrEqualTo(committed);
    }
  }
}
