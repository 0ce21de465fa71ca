package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.testing.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 during commits: the store reopens at a commit at least as new as the last one seen. */
class ClusterCrashIT {
  @TempDir Path dir;

  @Test
  void killedWriterReopensAtItsLastCommit() throws Exception {
    // SIGKILL, most likely in the middle of add or commit
    long committed =
        ChildJvm.runUntilThenKill(ClusterChild.class, "committed ", 3_000, dir.toString());
    assertThat(committed).isGreaterThanOrEqualTo(3_000);
    try (ClusterStore store = ClusterStore.open(dir, new HashingEmbedder())) {
      long count = store.documentCount();
      assertThat(count).isGreaterThanOrEqualTo(committed);
      assertThat(count % 50).isZero(); // whole commits only
      assertThat(store.all().stream().mapToLong(c -> c.size()).sum()).isEqualTo(count);
      store.add(Docs.synthetic(10_000, 50));
      store.commit();
    }
  }
}
