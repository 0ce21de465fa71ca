package io.fixfinder.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import io.fixfinder.crawler.dedup.Duplicates;
import io.fixfinder.crawler.dedup.SimHashRule;
import io.fixfinder.crawler.dedup.eval.DedupEval;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval dedup}: merge precision and recall of the crawl's duplicate rule on labelled pairs
 * built from the MyFixit guide files, beside the SimHash rule it replaced.
 */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = {
      "Crawl, as records, every guide of each MyFixit file under one site's chrome, syndicated copies",
      "of half of them under another's (title suffix, changed first sentence, trimmed last sentence,",
      "reflowed lines, another date line), and a site titling every guide by its device only; report",
      "for the current rule and the old SimHash rule: copies merged (recall), merges into the right",
      "guide (precision), distinct guides lost, same-title siblings lost. Settings were chosen on",
      "Appliance.json; Computer Hardware.json is the held-out half."
    })
public final class EvalDedupCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The shared data folder (holding myfixit/).")
  Path data;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the copies' choice and edits.")
  long seed;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Map<String, Map<String, DedupEval.Result>> results = new LinkedHashMap<>();
    for (String name : List.of("Appliance", "Computer Hardware")) {
      Path file = data.resolve("myfixit").resolve(name + ".json");
      if (!Files.isRegularFile(file)) throw new Main.UsageError(file + ": no such file");
      List<DedupEval.Guide> guides = DedupEval.read(file);
      Map<String, DedupEval.Result> byRule = new LinkedHashMap<>();
      byRule.put("current", DedupEval.run(guides, Duplicates::new, seed));
      byRule.put("simhash-old", DedupEval.run(guides, SimHashRule::new, seed));
      results.put(name, byRule);
    }
    out.printf(
        "%-24s %-12s %6s %9s %7s %7s %11s %11s %14s%n",
        "half", "rule", "copies", "sibpairs", "recall", "prec", "wrong", "lost", "same-title lost");
    results.forEach(
        (half, byRule) ->
            byRule.forEach(
                (rule, r) ->
                    out.printf(
                        "%-24s %-12s %6d %9d %7.4f %7.4f %11d %5d/%d %9d/%d%n",
                        half + (half.equals("Appliance") ? " (tune)" : " (test)"),
                        rule,
                        r.copies(),
                        r.siblingPairs(),
                        r.recall(),
                        r.precision(),
                        r.wrongMerges(),
                        r.lost(),
                        r.guides(),
                        r.sameTitleLost(),
                        r.sameTitlePages())));
    if (json) {
      ObjectNode root = Json.mapper().createObjectNode();
      results.forEach(
          (half, byRule) -> {
            ObjectNode h = root.putObject(half);
            byRule.forEach(
                (rule, r) -> {
                  ObjectNode o = h.putObject(rule);
                  o.put("copies", r.copies());
                  o.put("merged", r.merged());
                  o.put("wrong_merges", r.wrongMerges());
                  o.put("guides", r.guides());
                  o.put("lost", r.lost());
                  o.put("sibling_pairs", r.siblingPairs());
                  o.put("same_title_pages", r.sameTitlePages());
                  o.put("same_title_lost", r.sameTitleLost());
                  o.put("precision", Math.round(r.precision() * 10_000) / 10_000.0);
                  o.put("recall", Math.round(r.recall() * 10_000) / 10_000.0);
                });
          });
      out.println(
          Json.mapper()
              .writer()
              .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(root));
    }
    return 0;
  }
}
