package io.fixfinder.app.cli;

import io.fixfinder.core.config.FixFinderConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the API and search page on the existing index.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ServerOptions server;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "Where searches run: lucene (the embedded index in the data directory) or opensearch"
              + " (the cluster of index.opensearch.urls). Default: index.backend.")
  String backend;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = ServerOptions.resolveAccessLog(server.apply(common.load()));
    if (backend != null) {
      cfg = cfg.withIndex(cfg.index().withBackend(FixFinderConfig.Backend.of(backend)));
    }
    ServerOptions.checkFree(cfg);
    Serving.serveUntilStopped(cfg, System.out, List.of());
    return 0;
  }
}
