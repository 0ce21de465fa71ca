package io.fixfinder.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import io.fixfinder.indexer.eval.clusters.ClusterEval;
import io.fixfinder.indexer.eval.clusters.ClusterMetrics;
import io.fixfinder.indexer.eval.clusters.LabelledOrds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval clusters}: FixFinder's issue clustering against the human fault labels of an Open
 * Repair Data file, beside Carrot2 Lingo and bisecting k-means on the same texts.
 */
@Command(
    name = "clusters",
    mixinStandardHelpOptions = true,
    description = {
      "Cluster the problem texts of a labelled Open Repair Data file with FixFinder's issue clustering",
      "(the same ClusterStore indexing uses, in a temporary directory) and with Carrot2 Lingo and",
      "bisecting k-means; score each against the labels: NMI, adjusted Rand index, B-cubed",
      "precision/recall/F1, clusters, seconds. Rows with an empty label or problem are counted and skipped."
    })
public final class EvalClustersCommand implements Callable<Integer> {

  @Option(names = "--ords", required = true, paramLabel = "FILE", description = "ORDS CSV file.")
  Path file;

  @Option(
      names = "--label",
      defaultValue = "fault_type",
      paramLabel = "COLUMN",
      description = "Column holding the human label (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(
      names = "--lang",
      paramLabel = "CODE",
      description = "Only rows of this language (files without a 'language' column ignore it).")
  String lang;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    LabelledOrds data;
    try {
      data = LabelledOrds.read(file, label, Optional.ofNullable(lang).filter(s -> !s.isBlank()));
    } catch (LabelledOrds.BadFile e) {
      throw new Main.UsageError(e.getMessage());
    }
    out.printf(
        "eval clusters: %s, label '%s', language %s%n",
        file,
        label,
        lang == null
            ? "all"
            : data.languageFiltered() ? lang : lang + " (ignored: no language column)");
    out.printf(
        "documents %d of %d rows%s, labels %d%n",
        data.docs().size(),
        data.rows(),
        data.skipped().isEmpty() ? "" : " (skipped: " + describe(data.skipped()) + ")",
        data.labels().stream().distinct().count());
    if (data.docs().isEmpty())
      throw new Main.UsageError(file + ": no labelled row with a problem text");
    ClusterEval.Report report;
    try (MiniLmEmbedder embedder = new MiniLmEmbedder()) {
      report = ClusterEval.run(data, embedder, true);
    }
    out.printf(
        "%-16s %7s %7s %7s %7s %7s %9s %8s%n",
        "clusterer", "NMI", "ARI", "B3-P", "B3-R", "B3-F1", "clusters", "seconds");
    for (Map.Entry<String, ClusterEval.Run> e : report.runs().entrySet()) {
      ClusterMetrics m = e.getValue().metrics();
      out.printf(
          "%-16s %7.4f %7.4f %7.4f %7.4f %7.4f %9d %8.2f%n",
          e.getKey(),
          m.nmi(),
          m.ari(),
          m.bcubedPrecision(),
          m.bcubedRecall(),
          m.bcubedF1(),
          m.clusters(),
          e.getValue().seconds());
    }
    if (json) out.println(toJson(report));
    return 0;
  }

  static String toJson(ClusterEval.Report report) throws Exception {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("documents", report.documents());
    root.put("labels", report.labels());
    ObjectNode skipped = root.putObject("skipped");
    report.skipped().forEach(skipped::put);
    ObjectNode metrics = root.putObject("metrics");
    report
        .runs()
        .forEach(
            (name, run) -> {
              ClusterMetrics m = run.metrics();
              ObjectNode o = metrics.putObject(name);
              o.put("nmi", round(m.nmi()));
              o.put("ari", round(m.ari()));
              o.put("bcubed_precision", round(m.bcubedPrecision()));
              o.put("bcubed_recall", round(m.bcubedRecall()));
              o.put("bcubed_f1", round(m.bcubedF1()));
              o.put("clusters", m.clusters());
              o.put("seconds", Math.round(run.seconds() * 100) / 100.0);
            });
    return Json.mapper()
        .writer()
        .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  private static String describe(Map<String, Long> skipped) {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(skipped)
        .forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
    return sb.toString();
  }
}
