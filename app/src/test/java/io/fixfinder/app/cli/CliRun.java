package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A command line run in-process over a data directory, with what it printed and its exit code. */
record CliRun(int exit, String out, String err) {
  /** {@code fixfinder ARGS --data DIR}, stdout and stderr captured. */
  static CliRun of(Path dataDir, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data";
      all[args.length + 1] = dataDir.toString();
      int exit = Main.run(all);
      return new CliRun(
          exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
