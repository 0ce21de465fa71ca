package io.fixfinder.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import io.fixfinder.crawler.dedup.Duplicates;
import io.fixfinder.crawler.dedup.SimHashRule;
import io.fixfinder.crawler.dedup.eval.DedupEval;
import io.fixfinder.crawler.dedup.eval.ThreadEval;
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
      "Appliance.json; Computer Hardware.json is the held-out half. Then forum threads built from",
      "Open Repair Data problem texts: mirrors on another forum, cross-posts (same question, other",
      "answers) and other questions with the same answers under the same title."
    })
public final class EvalDedupCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The shared data folder (holding myfixit/ and openrepair/).")
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
    Path ords = data.resolve("openrepair").resolve("OpenRepairData_v0.3_RestartProject_202204.csv");
    Map<String, ThreadEval.Result> threads = new LinkedHashMap<>();
    if (Files.isRegularFile(ords)) {
      List<ThreadEval.Thread> all = ThreadEval.read(ords);
      threads.put("current", ThreadEval.run(all, Duplicates::new, seed));
      threads.put("simhash-old", ThreadEval.run(all, SimHashRule::new, seed));
      out.printf(
          "%nthreads (ORDS, not tuned on) %-12s %7s %7s %7s %9s %14s %14s%n",
          "rule", "mirrors", "recall", "prec", "lost", "crosspost lost", "same-ans lost");
      threads.forEach(
          (rule, r) ->
              out.printf(
                  "%28s %-12s %7d %7.4f %7.4f %4d/%d %9d/%d %9d/%d%n",
                  "",
                  rule,
                  r.mirrors(),
                  r.recall(),
                  r.precision(),
                  r.lost(),
                  r.pages(),
                  r.crossPostsLost(),
                  r.crossPosts(),
                  r.sameAnswersLost(),
                  r.sameAnswers()));
    } else {
      out.println("threads: " + ords + " absent, skipped");
    }
    if (json) {
      ObjectNode root = Json.mapper().createObjectNode();
      ObjectNode t = root.putObject("threads");
      threads.forEach(
          (rule, r) -> {
            ObjectNode o = t.putObject(rule);
            o.put("mirrors", r.mirrors());
            o.put("merged", r.merged());
            o.put("wrong_merges", r.wrongMerges());
            o.put("pages", r.pages());
            o.put("lost", r.lost());
            o.put("cross_posts", r.crossPosts());
            o.put("cross_posts_lost", r.crossPostsLost());
            o.put("same_answers", r.sameAnswers());
            o.put("same_answers_lost", r.sameAnswersLost());
            o.put("precision", Math.round(r.precision() * 10_000) / 10_000.0);
            o.put("recall", Math.round(r.recall() * 10_000) / 10_000.0);
          });
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
