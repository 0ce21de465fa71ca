package io.fixfinder.app.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.eval.KeyingData;
import io.fixfinder.core.understand.eval.KeyingEval;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval keying --data DIR}: document keying (evidence) beside the previous keying (baseline)
 * on samples labelled by the real data's own columns; per set and field, precision and recall.
 */
@Command(
    name = "keying",
    mixinStandardHelpOptions = true,
    description = {
      "Measure product keying (type, brand, model) and error codes on the real data folder",
      "(myfixit, Open Repair Data and its quests, reviews, NHTSA, the repair wiki), evidence",
      "keying beside the previous keying. Sets marked 'tune' chose the rules and thresholds;",
      "'seen' sets were held out once, then rules were written knowing their errors;",
      "'held-out' sets only report."
    })
public final class EvalKeyingCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      paramLabel = "DIR",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) throw new Main.UsageError(data + ": no such data folder");
    KeyExtractor extractor = KeyExtractor.builtIn();
    List<KeyingData.DataSet> sets = KeyingData.load(data, extractor);
    if (sets.isEmpty()) throw new Main.UsageError(data + ": no labelled set found");
    long start = System.nanoTime();
    List<KeyingEval.SetScore> scores = KeyingEval.run(sets, extractor);
    PrintStream out = System.out;
    out.printf(
        "%-26s %-8s %-9s %-6s %7s %7s %7s %7s %7s%n",
        "set", "role", "keyer", "field", "emitted", "judged", "P", "R", "elig.");
    for (KeyingEval.SetScore s : scores) {
      for (Map.Entry<KeyingEval.Keyer, KeyingEval.KeyerScore> k : s.keyers().entrySet()) {
        for (Map.Entry<String, KeyingEval.FieldScore> f : k.getValue().fields().entrySet()) {
          KeyingEval.FieldScore v = f.getValue();
          out.printf(
              "%-26s %-8s %-9s %-6s %7d %7d %7s %7s %7d%n",
              s.name() + " (" + s.samples() + ")",
              s.role().label(),
              k.getKey().name().toLowerCase(java.util.Locale.ROOT),
              f.getKey(),
              v.emitted(),
              v.judged(),
              fmt(v.precision()),
              fmt(v.recall()),
              v.eligible());
        }
        out.printf(
            "%-26s %-8s %-9s %-6s %7d records; top %s%n",
            "",
            "",
            k.getKey().name().toLowerCase(java.util.Locale.ROOT),
            "codes",
            k.getValue().recordsWithCodes(),
            k.getValue().codes());
      }
    }
    out.printf("seconds %.1f%n", (System.nanoTime() - start) / 1e9);
    if (json) out.println(toJson(scores));
    return 0;
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  static String toJson(List<KeyingEval.SetScore> scores) throws Exception {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode sets = root.putObject("sets");
    for (KeyingEval.SetScore s : scores) {
      ObjectNode set = sets.putObject(s.name());
      set.put("role", s.role().label());
      set.put("samples", s.samples());
      s.keyers()
          .forEach(
              (keyer, k) -> {
                ObjectNode o = set.putObject(keyer.name().toLowerCase(java.util.Locale.ROOT));
                k.fields()
                    .forEach(
                        (field, v) -> {
                          ObjectNode f = o.putObject(field);
                          f.put("emitted", v.emitted());
                          f.put("judged", v.judged());
                          f.put("correct", v.correct());
                          f.put("eligible", v.eligible());
                          f.put("recalled", v.recalled());
                          f.put("unjudged", v.unjudged());
                          if (!Double.isNaN(v.precision()))
                            f.put("precision", round(v.precision()));
                          if (!Double.isNaN(v.recall())) f.put("recall", round(v.recall()));
                        });
                ObjectNode codes = o.putObject("codes");
                codes.put("records", k.recordsWithCodes());
                k.codes().forEach(codes.putObject("top")::put);
              });
    }
    return Json.mapper()
        .writer()
        .without(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
