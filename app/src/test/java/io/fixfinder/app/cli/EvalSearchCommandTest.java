package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixfinder.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalSearchCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void printsEveryModeBesideTheBaselineAndJsonLast() throws Exception {
    Files.writeString(
        dir.resolve("corpus.jsonl"),
        String.join(
            "\n",
            "{\"_id\":\"d1\",\"title\":\"Washer will not drain\",\"text\":\"Clean the pump filter.\"}",
            "{\"_id\":\"d2\",\"title\":\"Oven not heating\",\"text\":\"Replace the bake element.\"}",
            "{\"_id\":\"d3\",\"title\":\"Fridge warm\",\"text\":\"Defrost the evaporator.\"}",
            "broken line"));
    Files.writeString(
        dir.resolve("queries.jsonl"),
        "{\"_id\":\"q1\",\"text\":\"washing machine full of water\"}\n"
            + "{\"_id\":\"q2\",\"text\":\"oven stays cold\"}\n");
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(
        dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
    Run r = run("eval", "search", "--beir", dir.toString(), "--mode", "all", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().strip().lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.getLast());
    assertThat(json.get("queries").asInt()).isEqualTo(2);
    assertThat(json.get("seconds").asDouble()).isPositive();
    assertThat(json.get("metrics").fieldNames())
        .toIterable()
        .containsExactly("baseline-lucene-bm25", "bm25", "dense", "hybrid");
    for (JsonNode m : json.get("metrics")) {
      assertThat(m.get("ndcg@10").asDouble()).isBetween(0.0, 1.0);
      assertThat(m.get("recall@100").asDouble()).isBetween(0.0, 1.0);
      assertThat(m.get("mrr@10").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(r.out()).contains("1 malformed lines skipped");
    // the other fusions on the same index, as extra systems: keys added, none renamed
    Run also =
        run(
            "eval",
            "search",
            "--beir",
            dir.toString(),
            "--mode",
            "hybrid",
            "--fusion",
            "learned",
            "--also-fusion",
            "linear,rrf,learned",
            "--json");
    assertThat(also.code()).as(also.err()).isZero();
    JsonNode alsoJson = new ObjectMapper().readTree(also.out().strip().lines().toList().getLast());
    assertThat(alsoJson.get("metrics").fieldNames())
        .toIterable()
        .containsExactly("baseline-lucene-bm25", "hybrid", "hybrid-linear", "hybrid-rrf");
  }

  @Test
  void badInputIsOneLineAndExit2() {
    Run missing = run("eval", "search", "--beir", dir.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err()).contains("nope");
    Run noQrels = run("eval", "search", "--beir", dir.toString());
    assertThat(noQrels.code()).isEqualTo(2);
    assertThat(noQrels.err().strip().lines()).hasSize(1);
    assertThat(noQrels.err()).contains("missing file");
    Run badMode = run("eval", "search", "--beir", dir.toString(), "--mode", "fuzzy");
    assertThat(badMode.code()).isEqualTo(2);
    assertThat(badMode.err()).contains("fuzzy");
    Run badFusion = run("eval", "search", "--beir", dir.toString(), "--also-fusion", "magic");
    assertThat(badFusion.code()).isEqualTo(2);
    assertThat(badFusion.err().strip().lines()).hasSize(1);
    assertThat(badFusion.err()).contains("--also-fusion").contains("magic");
  }
}
