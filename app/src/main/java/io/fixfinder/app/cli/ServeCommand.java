package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the API and search page on the existing index.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = ServerOptions.resolveAccessLog(server.apply(common.load()));
    if (cfg.index().backend() != FixFinderConfig.Backend.LUCENE) {
      // never serve the embedded index in its place without saying so
      throw new Main.UsageError(
          "serve does not search index.backend: "
              + cfg.index().backend().id()
              + " yet (docs/scaling.md); `index --backend opensearch` writes to the cluster");
    }
    ServerOptions.checkFree(cfg);
    Serving.serveUntilStopped(cfg, System.out, List.of());
    return 0;
  }
}
