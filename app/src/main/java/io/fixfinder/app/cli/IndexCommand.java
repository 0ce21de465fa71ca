package io.fixfinder.app.cli;

import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the Lucene index from the crawled records (built aside, swapped in when complete).")
public final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = common.load();
    new IndexPipeline(cfg, CommonOptions.layout(cfg), System.out).rebuild();
    return 0;
  }
}
