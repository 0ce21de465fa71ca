package io.fixfinder.app.cli;

import io.fixfinder.app.Main;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.search.BeirSet;
import io.fixfinder.indexer.eval.search.SearchEvaluation;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval search --beir DIR}: indexes a BEIR folder into a fresh temporary index with the
 * project's analysis, ranking and fusion, runs every judged query in each mode and prints nDCG@10,
 * Recall@100 and MRR@10 beside a plain-Lucene BM25 baseline measured in the same run. Progress goes
 * to stderr; with {@code --json} the last line of stdout is one JSON object.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search relevance on a BEIR folder (corpus.jsonl, queries.jsonl, qrels/test.tsv)",
      "beside a plain-Lucene BM25 baseline (EnglishAnalyzer, title+text in one field)."
    })
public final class EvalSearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--beir", required = true, paramLabel = "DIR", description = "BEIR folder.")
  Path beir;

  @Option(
      names = "--mode",
      defaultValue = "all",
      paramLabel = "MODE",
      description = "bm25, dense, hybrid or all (default: all).")
  String mode;

  @Option(
      names = "--fusion",
      paramLabel = "learned|linear|rrf",
      description = "How hybrid fuses the lists (default: index.fusion from the configuration).")
  String fusion;

  @Option(
      names = "--also-fusion",
      split = ",",
      paramLabel = "FUSION",
      description =
          "Also measure hybrid with these fusions on the same index, as systems hybrid-FUSION"
              + " (e.g. linear,rrf).")
  List<String> alsoFusion = List.of();

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "lucene (default) or opensearch: also index the set into the cluster of"
              + " index.opensearch.urls and measure each mode there, beside the embedded figures.")
  String backend;

  @Override
  public Integer call() throws Exception {
    FixFinderConfig cfg = common.load();
    List<Retrieval> modes = modes(mode);
    Fusion chosen;
    try {
      chosen = fusion == null ? cfg.index().fusion() : Fusion.of(fusion);
    } catch (RuntimeException e) {
      throw new Main.UsageError("--fusion: " + e.getMessage());
    }
    List<Fusion> others = new java.util.ArrayList<>();
    for (String f : alsoFusion) {
      try {
        others.add(Fusion.of(f));
      } catch (RuntimeException e) {
        throw new Main.UsageError("--also-fusion: " + e.getMessage());
      }
    }
    BeirSet set;
    try {
      set = BeirSet.read(beir);
    } catch (BeirSet.FormatException e) {
      throw new Main.UsageError("eval search: " + e.getMessage());
    }
    if (set.judgedQueries().isEmpty()) {
      throw new Main.UsageError(
          "eval search: no query in " + beir + " has a relevant document in qrels/test.tsv");
    }
    if (set.malformedLines() > 0) {
      System.err.printf(Locale.ROOT, "eval: skipped malformed lines %s%n", set.malformed());
    }
    FixFinderConfig.Backend onto =
        backend == null ? FixFinderConfig.Backend.LUCENE : FixFinderConfig.Backend.of(backend);
    boolean vectors = modes.stream().anyMatch(m -> m != Retrieval.BM25);
    try (MiniLmEmbedder embedder =
        vectors ? MiniLmEmbedder.withThreads(cfg.index().embedThreads()) : null) {
      SearchEvaluation eval =
          new SearchEvaluation(
              KeyExtractor.builtIn(),
              Optional.<Embedder>ofNullable(embedder),
              chosen,
              others,
              System.err);
      SearchEvaluation.Result result = eval.run(set, modes);
      System.out.printf(
          Locale.ROOT,
          "eval search: %s, %d documents, %d judged queries, fusion %s, index %.1f s, total %.1f s"
              + " (%d malformed lines skipped)%n",
          beir,
          result.documents(),
          result.queries(),
          chosen.id(),
          result.indexSeconds(),
          result.seconds(),
          result.malformedLines());
      System.out.print(result.table());
      if (onto == FixFinderConfig.Backend.OPENSEARCH) {
        OpenSearchSettings settings =
            OpenSearchSettings.of(cfg.index().opensearch(), System.getenv());
        try {
          OpenSearchEval.run(
              set,
              modes,
              chosen,
              Optional.<Embedder>ofNullable(embedder),
              eval,
              result,
              settings,
              System.out);
        } catch (OpenSearchBackend.Unreachable e) {
          throw new Main.UsageError(e.getMessage());
        }
      }
      if (json) System.out.println(result.toJson());
    }
    return 0;
  }

  static List<Retrieval> modes(String value) {
    if (value.equalsIgnoreCase("all"))
      return List.of(Retrieval.BM25, Retrieval.DENSE, Retrieval.HYBRID);
    try {
      return List.of(Retrieval.of(value));
    } catch (RuntimeException e) {
      throw new Main.UsageError("--mode must be bm25, dense, hybrid or all, got '" + value + "'");
    }
  }
}
