package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
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
    rebuild(new IndexPipeline(cfg, CommonOptions.layout(cfg), System.out));
    return 0;
  }

  /**
   * Rebuilds; another writer on the same data directory (a second {@code index}, an {@code import})
   * is an operator's error: one line, exit 2.
   */
  static Indexer.Report rebuild(IndexPipeline pipeline) throws IOException {
    try {
      return pipeline.rebuild();
    } catch (IndexStore.WriterBusy e) {
      throw new Main.UsageError(e.getMessage());
    }
  }
}
