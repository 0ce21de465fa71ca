package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.app.Main;
import io.fixfinder.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code eval clusters} on the indexer's fixed fixture: the JSON line, and bad input exits 2. */
class EvalClustersCommandTest {
  static final Path FIXTURE =
      Path.of("../indexer/src/test/resources/eval/clusters/fault-fixture.csv");

  @Test
  void printsTheTableAndOneJsonObjectLast() throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      code = Main.run("eval", "clusters", "--ords", FIXTURE.toString(), "--json");
    } finally {
      System.setOut(old);
    }
    assertThat(code).isZero();
    String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
    JsonNode json = Json.mapper().readTree(lines[lines.length - 1]);
    assertThat(json.get("documents").asInt()).isEqualTo(150);
    assertThat(json.get("labels").asInt()).isEqualTo(15);
    for (String name : new String[] {"fixfinder", "carrot2-lingo", "carrot2-bkmeans"}) {
      JsonNode m = json.get("metrics").get(name);
      assertThat(m).as(name).isNotNull();
      for (String key : new String[] {"nmi", "ari", "bcubed_f1", "clusters", "seconds"})
        assertThat(m.has(key)).as(name + "." + key).isTrue();
    }
    assertThat(json.get("metrics").get("fixfinder").get("nmi").asDouble())
        .isGreaterThan(json.get("metrics").get("carrot2-lingo").get("nmi").asDouble());
  }

  @Test
  void aMissingFileOrColumnExitsTwo() {
    assertThat(Main.run("eval", "clusters", "--ords", "no/such/file.csv")).isEqualTo(2);
    assertThat(
            Main.run("eval", "clusters", "--ords", FIXTURE.toString(), "--label", "step_barrier"))
        .isEqualTo(2);
  }
}
