package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                IndexChild.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    long committed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) committed = Long.parseLong(line.substring(10));
        if (committed >= 2_000) break;
      }
      child.destroyForcibly(); // SIGKILL, mid-batch
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
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
