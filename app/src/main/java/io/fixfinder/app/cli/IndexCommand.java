package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the index from the crawled records (built aside, swapped in when complete).")
public final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "Where the index is written: lucene (embedded, in the data directory) or opensearch"
              + " (the cluster of index.opensearch.urls). Default: index.backend.")
  String backend;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = common.load();
    FixFinderConfig.Backend chosen =
        backend == null ? cfg.index().backend() : FixFinderConfig.Backend.of(backend);
    IndexPipeline pipeline = new IndexPipeline(cfg, CommonOptions.layout(cfg), System.out);
    if (chosen == FixFinderConfig.Backend.OPENSEARCH) {
      try {
        pipeline.rebuildOnOpenSearch(System.getenv());
      } catch (OpenSearchBackend.Unreachable
          | IndexStore.WriterBusy
          | io.fixfinder.store.StoreException
          | io.fixfinder.store.clusters.ClusterGenerations.Conflict e) {
        // the database holds the published clusters: unreachable, or another run published first
        throw new Main.UsageError(e.getMessage());
      }
      return 0;
    }
    rebuild(pipeline);
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
