package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the clustering evaluation lands (issue 5). */
@Command(name = "clusters", mixinStandardHelpOptions = true, description = "Evaluate clustering.")
public final class EvalClustersCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new Main.UsageError("eval clusters is being built");
  }
}
