package io.fixfinder.indexer.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in its own JVM on the test classpath and killed with SIGKILL part-way: the crash
 * tests' way to stop a writer where no shutdown hook or finally block can tidy up, and the serving
 * tests' second process.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Runs {@code main} with {@code args}, reads its output until a line {@code prefix + N} says N
   * reached {@code until}, kills it with SIGKILL and waits for it to die. Returns the last N seen
   * (less than {@code until} only when the child ended by itself).
   */
  /**
   * Starts {@code main} with {@code args}; the returned child is killed with SIGKILL on close.
   * Output lines are read with {@link Child#awaitLine}.
   */
  public static Child start(Class<?> main, String... args) throws Exception {
    return new Child(new ProcessBuilder(command(main, args)).redirectErrorStream(true).start());
  }

  /** A running child JVM: its output read line by line, killed on close. */
  public static final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private Child(Process process) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads output until a line starts with {@code prefix} and returns it; fails at its end. */
    public String awaitLine(String prefix) throws Exception {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(prefix)) return line;
        seen.append(line).append('\n');
      }
      throw new AssertionError("child ended before a line '" + prefix + "':\n" + seen);
    }

    @Override
    public void close() throws Exception {
      process.destroyForcibly(); // SIGKILL
      if (!process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("child did not die");
      out.close();
    }
  }

  private static String[] command(Class<?> main, String... args) {
    String[] command = new String[4 + args.length];
    command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command[1] = "-cp";
    command[2] = System.getProperty("java.class.path");
    command[3] = main.getName();
    System.arraycopy(args, 0, command, 4, args.length);
    return command;
  }

  public static long runUntilThenKill(Class<?> main, String prefix, long until, String... args)
      throws Exception {
    Process child = new ProcessBuilder(command(main, args)).redirectErrorStream(true).start();
    long last = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (last < until && (line = out.readLine()) != null) {
        if (line.startsWith(prefix)) last = Long.parseLong(line.substring(prefix.length()).strip());
      }
    } finally {
      child.destroyForcibly(); // SIGKILL
      if (!child.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("child did not die");
    }
    return last;
  }
}
