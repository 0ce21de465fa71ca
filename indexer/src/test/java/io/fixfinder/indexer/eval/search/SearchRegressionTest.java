package io.fixfinder.indexer.eval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The relevance regression check: the real evaluation on a fixed fixture must reproduce the figures
 * recorded in {@code eval/expected-search-metrics.yaml} within its tolerance.
 */
class SearchRegressionTest {
  static Path resource(String name) throws URISyntaxException {
    return Path.of(SearchRegressionTest.class.getResource("/eval/" + name).toURI());
  }

  @Test
  void fixtureMetricsStayWithinToleranceOfTheRecordedValues() throws Exception {
    JsonNode expected =
        new ObjectMapper(new YAMLFactory())
            .readTree(resource("expected-search-metrics.yaml").toFile());
    double tolerance = expected.get("tolerance").asDouble();
    BeirSet set = BeirSet.read(resource("repair-mini"));
    assertThat(set.malformedLines()).isZero();
    SearchEvaluation.Result result;
    try (MiniLmEmbedder model = new MiniLmEmbedder(2)) {
      result =
          new SearchEvaluation(
                  KeyExtractor.builtIn(),
                  Optional.<Embedder>of(model),
                  Fusion.of(expected.get("fusion").asText()),
                  new PrintStream(OutputStream.nullOutputStream()))
              .run(set, List.of(Retrieval.BM25, Retrieval.DENSE, Retrieval.HYBRID));
    }
    System.out.print(result.table());
    assertThat(result.queries()).isEqualTo(25);
    assertThat(result.systems().keySet())
        .containsExactly(SearchEvaluation.BASELINE, "bm25", "dense", "hybrid");
    expected
        .get("metrics")
        .properties()
        .forEach(
            system -> {
              SearchEvaluation.Scores got = result.systems().get(system.getKey());
              Map<String, Double> actual =
                  Map.of(
                      "ndcg@10", got.ndcg10(),
                      "recall@100", got.recall100(),
                      "mrr@10", got.mrr10());
              system
                  .getValue()
                  .properties()
                  .forEach(
                      m ->
                          assertThat(actual.get(m.getKey()))
                              .as(system.getKey() + " " + m.getKey())
                              .isCloseTo(m.getValue().asDouble(), within(tolerance)));
            });
    JsonNode json = new ObjectMapper().readTree(result.toJson());
    assertThat(json.get("queries").asInt()).isEqualTo(25);
    assertThat(json.get("metrics").get("hybrid").get("ndcg@10").asDouble())
        .isEqualTo(Math.round(result.systems().get("hybrid").ndcg10() * 10_000) / 10_000.0);
  }
}
