package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
