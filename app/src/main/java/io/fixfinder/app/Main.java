package io.fixfinder.app;

import io.fixfinder.app.cli.BenchCommand;
import io.fixfinder.app.cli.CrawlCommand;
import io.fixfinder.app.cli.DemoCommand;
import io.fixfinder.app.cli.EvalCommand;
import io.fixfinder.app.cli.HelpersCommand;
import io.fixfinder.app.cli.ImportCommand;
import io.fixfinder.app.cli.IndexCommand;
import io.fixfinder.app.cli.ServeCommand;
import io.fixfinder.app.cli.TenantCommand;
import io.fixfinder.app.cli.TestCommand;
import io.fixfinder.core.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fixfinder} command line: the composition root of every module. */
@Command(
    name = "fixfinder",
    mixinStandardHelpOptions = true,
    version = "FixFinder 0.1.0",
    description =
        "Search-aggregated troubleshooting: crawl manuals, forums, reviews and videos, index them, serve search.",
    subcommands = {
      DemoCommand.class,
      CrawlCommand.class,
      IndexCommand.class,
      ImportCommand.class,
      ServeCommand.class,
      TestCommand.class,
      BenchCommand.class,
      EvalCommand.class,
      HelpersCommand.class,
      TenantCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for bad input (options, config, an occupied port): one line on stderr. */
  public static final int EXIT_USAGE = 2;

  /**
   * Exit code of a crawl that ran but yields nothing (see {@code CrawlVerdict}). Not 3: the
   * launcher script uses 3 for "no JDK".
   */
  public static final int EXIT_NOTHING_FOUND = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Lucene logs through java.util.logging that the incubating Vector API is not enabled; that is
   * our choice (no incubator modules in production), so the notice is kept out of the console.
   */
  private static final java.util.logging.Logger LUCENE_VECTORS =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static int run(String... args) {
    LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(
              "fixfinder: "
                  + ex.getMessage()
                  + " (see '"
                  + ex.getCommandLine().getCommandName()
                  + " --help')");
          err.flush();
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UsageError || ex instanceof ConfigException) {
            commandLine.getErr().println("fixfinder: " + ex.getMessage());
            commandLine.getErr().flush();
            return EXIT_USAGE;
          }
          throw ex;
        });
    return cli.execute(args);
  }

  /**
   * Bad input found after parsing (a port in use, a missing file): reported in one line, exit 2.
   */
  public static final class UsageError extends RuntimeException {
    public UsageError(String message) {
      super(message);
    }
  }
}
