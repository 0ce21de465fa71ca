package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.write.IndexStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadPortIsOneLineAndExit2() {
    int[] code = new int[1];
    String err = stderrOf(() -> code[0] = Main.run("demo", "--port", "notaport"));
    assertThat(code[0]).isEqualTo(2);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("notaport");
  }

  @Test
  void anOutOfRangePortIsExit2() {
    int[] code = new int[1];
    String err = stderrOf(() -> code[0] = Main.run("serve", "--port", "70000"));
    assertThat(code[0]).isEqualTo(2);
    assertThat(err.strip().lines()).hasSize(1);
  }

  @Test
  void aSecondWriterOnTheDataDirectoryIsOneLineAndExit2(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("no-embeddings.yaml");
    Files.writeString(config, "index:\n  embeddings: false\n  retrieval: bm25\n");
    // another `index` (or `import ords`) part-way through writing this data directory
    try (IndexStore other = IndexStore.openAside(data.resolve("index"), 16)) {
      int[] code = new int[1];
      String err =
          stderrOf(
              () ->
                  code[0] =
                      Main.run("index", "--data", data.toString(), "--config", config.toString()));
      assertThat(code[0]).isEqualTo(2);
      assertThat(err.strip().lines()).hasSize(1);
      assertThat(err.strip())
          .isEqualTo(
              "fixfinder: another fixfinder index is writing "
                  + data.resolve("index")
                  + "; wait for it to finish");
    }
  }

  @Test
  void unknownSubcommandIsExit2() {
    int[] code = new int[1];
    stderrOf(() -> code[0] = Main.run("frobnicate"));
    assertThat(code[0]).isEqualTo(2);
  }

  @Test
  void helpListsTheSubcommands() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("--help");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("demo", "crawl", "index", "serve", "test");
  }
}
