package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.app.pipeline.DataLayout;
import io.fixfinder.app.pipeline.IndexPipeline;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.ords.OrdsImporter;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import records from files.",
    subcommands = ImportCommand.Ords.class)
public final class ImportCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("Usage: fixfinder import ords FILE");
  }

  @Command(
      name = "ords",
      mixinStandardHelpOptions = true,
      description = {
        "Import an Open Repair Data Standard CSV as repair reports (outcome, brand, category, year, country),",
        "then rebuild the index. Bad rows are counted and reported, never fatal."
      })
  public static final class Ords implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "ORDS CSV file.")
    Path file;

    @Option(
        names = "--no-index",
        description = "Only append the records; do not rebuild the index.")
    boolean noIndex;

    @Override
    public Integer call() throws Exception {
      FixFinderConfig cfg = common.load();
      if (!Files.isRegularFile(file)) throw new Main.UsageError("file not found: " + file);
      DataLayout data = CommonOptions.layout(cfg);
      AtomicLong done = new AtomicLong();
      long size = Files.size(file);
      OrdsImporter.Report report;
      long start = System.nanoTime();
      try (RecordLog log = RecordLog.openForAppend(data.records());
          BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          Progress progress =
              new Progress(
                  "import", "rows", done::get, () -> -1, System.out, Duration.ofSeconds(2))) {
        report =
            new OrdsImporter(KeyExtractor.builtIn())
                .read(
                    reader,
                    file.toString(),
                    doc -> {
                      log.put(doc);
                      done.incrementAndGet();
                    });
      }
      System.out.printf(
          "import: %d rows, %d repair reports imported in %.1f s (%d bytes)%n",
          report.rows(), report.imported(), (System.nanoTime() - start) / 1e9, size);
      report
          .skipped()
          .forEach((reason, n) -> System.out.printf("  skipped: %-30s %d%n", reason, n));
      if (!noIndex) IndexCommand.rebuild(new IndexPipeline(cfg, data, System.out));
      return 0;
    }
  }
}
