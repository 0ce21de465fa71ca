package io.fixfinder.indexer.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Clustering quality must not drift: on a fixed fixture (150 short labelled fault reports written
 * for this test, phones and printers, some in Dutch and German) every metric stays within the
 * tolerance of the figures in {@code expected.yaml}. Change the YAML only with a reason in the
 * commit message.
 */
class ClusterRegressionTest {
  static final Path DIR = Path.of("src/test/resources/eval/clusters");

  @Test
  void metricsStayWithinToleranceOfTheRecordedFigures() throws Exception {
    JsonNode expected =
        new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("expected.yaml").toFile());
    double tolerance = expected.get("tolerance").asDouble();
    LabelledOrds data =
        LabelledOrds.read(
            DIR.resolve(expected.get("fixture").asText()), "fault_type", Optional.empty());
    assertThat(data.docs()).hasSize(expected.get("documents").asInt());
    assertThat(data.skipped()).isEqualTo(Map.of("empty label", 1L, "empty problem", 1L));
    ClusterEval.Report report;
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
      report = ClusterEval.run(data, embedder, true);
    }
    report.runs().forEach((name, run) -> System.out.println(name + " " + run.metrics()));
    for (Map.Entry<String, JsonNode> e : expected.get("metrics").properties()) {
      ClusterMetrics m = report.runs().get(e.getKey()).metrics();
      JsonNode want = e.getValue();
      assertThat(m.nmi())
          .as(e.getKey() + " nmi")
          .isCloseTo(want.get("nmi").asDouble(), within(tolerance));
      assertThat(m.ari())
          .as(e.getKey() + " ari")
          .isCloseTo(want.get("ari").asDouble(), within(tolerance));
      assertThat(m.bcubedF1())
          .as(e.getKey() + " bcubed_f1")
          .isCloseTo(want.get("bcubed_f1").asDouble(), within(tolerance));
      assertThat(m.clusters())
          .as(e.getKey() + " clusters")
          .isCloseTo(
              want.get("clusters").asInt(), within(expected.get("clusterTolerance").asInt()));
    }
    assertThat(expected.get("metrics").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrderElementsOf(report.runs().keySet());
    for (String level : new String[] {ClusterEval.FIXFINDER, ClusterEval.FIXFINDER_ISSUE}) {
      ClusterMetrics ff = report.runs().get(level).metrics();
      for (String baseline : new String[] {"carrot2-lingo", "carrot2-bkmeans"}) {
        ClusterMetrics b = report.runs().get(baseline).metrics();
        assertThat(ff.nmi()).as(level + " nmi vs " + baseline).isGreaterThan(b.nmi());
        assertThat(ff.bcubedF1())
            .as(level + " B-cubed F1 vs " + baseline)
            .isGreaterThan(b.bcubedF1());
      }
    }
  }
}
