package io.fixfinder.core.understand.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.eval.KeyingEval.Keyer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keying quality on the real data's seen and held-out sets (rules were chosen on myfixit Appliance
 * and ORDS; Computer Hardware and reviews were held out once and their errors read before the
 * current rules were written): floors a little under the figures in docs/extraction.md, and
 * evidence keying at least as precise as the previous keying measured in the same run.
 */
class KeyingEvalTest {
  private static final Path DATA = Path.of("../../shared/data");
  private static Map<String, KeyingEval.SetScore> scores;

  @BeforeAll
  static void evaluate() throws Exception {
    Path data = Files.isDirectory(DATA) ? DATA : Path.of("../shared/data");
    Assumptions.assumeTrue(
        Files.isDirectory(data.resolve("myfixit")),
        "../shared/data is absent: skipping the keying evaluation on real data");
    KeyExtractor extractor = KeyExtractor.builtIn();
    List<KeyingData.DataSet> sets =
        KeyingData.load(data, extractor).stream().filter(s -> !s.name().equals("ords")).toList();
    scores =
        KeyingEval.run(sets, extractor).stream()
            .collect(Collectors.toMap(KeyingEval.SetScore::name, s -> s));
  }

  private static KeyingEval.FieldScore field(String set, Keyer keyer, String field) {
    return scores.get(set).keyers().get(keyer).fields().get(field);
  }

  @Test
  void seenFloors() {
    assertThat(scores).containsKeys("myfixit-computer-hardware", "reviews");
    assertThat(field("myfixit-computer-hardware", Keyer.EVIDENCE, "brand").precision())
        .isGreaterThanOrEqualTo(0.95);
    assertThat(field("myfixit-computer-hardware", Keyer.EVIDENCE, "type").precision())
        .isGreaterThanOrEqualTo(0.95);
    assertThat(field("myfixit-computer-hardware", Keyer.EVIDENCE, "type").recall())
        .isGreaterThanOrEqualTo(0.85);
    assertThat(field("myfixit-computer-hardware", Keyer.EVIDENCE, "model").precision())
        .isGreaterThanOrEqualTo(0.95);
    assertThat(field("reviews", Keyer.EVIDENCE, "type").precision()).isGreaterThanOrEqualTo(0.93);
    assertThat(field("reviews", Keyer.EVIDENCE, "brand").precision()).isGreaterThanOrEqualTo(0.89);
    assertThat(field("reviews", Keyer.EVIDENCE, "brand").recall()).isGreaterThanOrEqualTo(0.68);
  }

  @Test
  void heldOutFloors() {
    assertThat(scores).containsKeys("nhtsa", "ords-quests", "ppsl", "nhtsa-bulletins");
    assertThat(field("nhtsa", Keyer.EVIDENCE, "type").precision()).isGreaterThanOrEqualTo(0.9);
    assertThat(field("ords-quests", Keyer.EVIDENCE, "type").precision())
        .isGreaterThanOrEqualTo(0.9);
    assertThat(field("ords-quests", Keyer.EVIDENCE, "brand").precision())
        .isGreaterThanOrEqualTo(0.9);
    assertThat(field("ppsl", Keyer.EVIDENCE, "brand").precision()).isGreaterThanOrEqualTo(0.9);
    assertThat(field("ppsl", Keyer.EVIDENCE, "type").precision())
        .as("below the 0.9 target, on 8 records; see docs/extraction.md")
        .isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void evidenceIsAtLeastAsPreciseAsThePreviousKeyingOnHeldOutSets() {
    for (String set :
        List.of("myfixit-computer-hardware", "reviews", "nhtsa", "ords-quests", "ppsl")) {
      for (String f : List.of("type", "brand")) {
        KeyingEval.FieldScore evidence = field(set, Keyer.EVIDENCE, f);
        KeyingEval.FieldScore baseline = field(set, Keyer.BASELINE, f);
        if (evidence.judged() < 10) continue;
        assertThat(evidence.precision())
            .as(set + " " + f)
            .isGreaterThanOrEqualTo(baseline.precision() - 0.005);
      }
    }
  }

  @Test
  void heldOutTextsYieldFewCodes() {
    // None of these sets is about fault codes: every code found in them is suspect.
    assertThat(scores.get("reviews").keyers().get(Keyer.EVIDENCE).recordsWithCodes()).isZero();
    assertThat(scores.get("nhtsa").keyers().get(Keyer.EVIDENCE).recordsWithCodes())
        .isLessThan(scores.get("nhtsa").keyers().get(Keyer.BASELINE).recordsWithCodes());
  }
}
