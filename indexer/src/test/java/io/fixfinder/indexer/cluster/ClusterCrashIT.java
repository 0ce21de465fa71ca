package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 during commits: the store reopens at a commit at least as new as the last one seen. */
class ClusterCrashIT {
  @TempDir Path dir;

  @Test
  void killedWriterReopensAtItsLastCommit() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ClusterChild.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    long committed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) committed = Long.parseLong(line.substring(10));
        if (committed >= 3_000) break;
      }
      child.destroyForcibly(); // SIGKILL, most likely in the middle of add or commit
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
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
