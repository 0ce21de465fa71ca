package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the search evaluation lands (issue 5). */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Evaluate search.")
public final class EvalSearchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new Main.UsageError("eval search is being built");
  }
}
