package io.fixfinder.app.cli;

import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every subcommand takes: the configuration file and the data directory. */
public final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML overriding config/defaults.yaml.")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: data.dir, ./data).")
  Path data;

  FixFinderConfig load() {
    FixFinderConfig cfg = ConfigLoader.load(Optional.ofNullable(config), System.getenv());
    return data == null ? cfg : cfg.withDataDir(data);
  }

  static DataLayout layout(FixFinderConfig cfg) {
    return new DataLayout(cfg.data().dir());
  }
}
