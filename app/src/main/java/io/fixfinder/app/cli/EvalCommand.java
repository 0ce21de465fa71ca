package io.fixfinder.app.cli;

import picocli.CommandLine.Command;

/** Relevance and clustering measured against human judgements, each beside its baselines. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure search relevance, issue clustering, duplicate merging or keying against labelled data.",
    subcommands = {
      EvalSearchCommand.class,
      EvalClustersCommand.class,
      EvalDedupCommand.class,
      EvalKeyingCommand.class
    })
public final class EvalCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(
        "Usage: fixfinder eval search --beir DIR | eval clusters --ords FILE | eval dedup|keying --data DIR");
  }
}
