package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** A command line run in-process over a data directory, with what it printed and its exit code. */
record CliRun(int exit, String out, String err) {
  /**
   * {@code fixfinder ARGS --data DIR} (the data option goes before a {@code --} that ends the
   * options), stdout and stderr captured.
   */
  static CliRun of(Path dataDir, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int end = Arrays.asList(args).indexOf("--");
      int at = end < 0 ? args.length : end;
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, at);
      all[at] = "--data";
      all[at + 1] = dataDir.toString();
      System.arraycopy(args, at, all, at + 2, args.length - at);
      int exit = Main.run(all);
      return new CliRun(
          exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
