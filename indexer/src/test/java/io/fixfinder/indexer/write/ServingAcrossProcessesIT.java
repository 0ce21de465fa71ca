package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.testing.ChildJvm;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes: a server in a child JVM and an {@code index} run in this one. The rebuild does not
 * delete the generation the child still reads; the child moves to the new one without a restart and
 * then removes the one it left.
 */
class ServingAcrossProcessesIT {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  @Test
  void aRebuildLeavesTheServedGenerationToItsServer() throws Exception {
    Indexer.rebuild(dir, 16, ServingGenerationsTest.docs("old", 300), QUIET);
    String old = ServingGenerationsTest.live(dir);
    try (ChildJvm.Child server = ChildJvm.start(ServeChild.class, dir.toString());
        IndexStore here = IndexStore.openReadOnly(dir)) {
      assertThat(server.awaitLine("serving ")).isEqualTo("serving " + old + " 300");

      Indexer.rebuild(dir, 16, ServingGenerationsTest.docs("new", 120), QUIET);
      String next = ServingGenerationsTest.live(dir);
      assertThat(dir.resolve(old)).as("the child still reads it").isDirectory();

      assertThat(server.awaitLine("serving ")).isEqualTo("serving " + next + " 120");
      here.refresh();
      assertThat(here.count()).isEqualTo(120);
      assertThat(dir.resolve(old)).as("removed by the last process that read it").doesNotExist();
    }
  }

  @Test
  void aKilledServerHoldsNothing() throws Exception {
    Indexer.rebuild(dir, 16, ServingGenerationsTest.docs("old", 30), QUIET);
    String old = ServingGenerationsTest.live(dir);
    try (ChildJvm.Child server = ChildJvm.start(ServeChild.class, dir.toString())) {
      server.awaitLine("serving ");
      Indexer.rebuild(dir, 16, ServingGenerationsTest.docs("mid", 20), QUIET);
      // the child sees the swap only on its next refresh; kill it before it could matter
    }
    Indexer.rebuild(dir, 16, ServingGenerationsTest.docs("new", 10), QUIET);
    assertThat(dir.resolve(old)).as("its lease died with it").doesNotExist();
    assertThat(Files.list(dir).filter(Files::isDirectory).count()).isEqualTo(1);
  }
}
