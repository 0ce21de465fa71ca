package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.app.Main;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval dedup} without its data exits 2; the figures themselves are checked against floors in
 * the crawler's {@code DedupEvalTest}, on the real data.
 */
class EvalDedupCommandTest {
  @TempDir Path dir;

  @Test
  void aFolderWithoutTheGuideFilesExitsTwo() {
    assertThat(Main.run("eval", "dedup", "--data", dir.toString())).isEqualTo(2);
  }
}
