package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBackendConfigTest {
  @TempDir Path dir;

  @Test
  void theEmbeddedIndexIsTheDefault() {
    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(cfg.index().backend()).isEqualTo(FixFinderConfig.Backend.LUCENE);
    assertThat(cfg.index().opensearch().urls()).containsExactly("http://127.0.0.1:9200");
    assertThat(cfg.index().opensearch().shards()).isEqualTo(1);
    assertThat(cfg.index().opensearch().replicas()).isZero();
  }

  @Test
  void aSiteFileChoosesOpenSearchAndItsNodes() throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(
        file,
        "index:\n  backend: opensearch\n  opensearch:\n"
            + "    urls: [\"http://os1:9200\", \"https://os2:9200\"]\n");
    FixFinderConfig cfg = ConfigLoader.load(Optional.of(file), Map.of());
    assertThat(cfg.index().backend()).isEqualTo(FixFinderConfig.Backend.OPENSEARCH);
    assertThat(cfg.index().opensearch().urls())
        .isEqualTo(List.of("http://os1:9200", "https://os2:9200"));
  }

  @Test
  void anUnknownBackendIsOneLineNamingTheChoices() throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, "index:\n  backend: elastic\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown index backend 'elastic' (lucene or opensearch)");
  }

  @Test
  void aNodeAddressMustBeHttp() {
    assertThatThrownBy(() -> new FixFinderConfig.OpenSearch(List.of("os1:9200")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not an http(s) address: os1:9200");
    assertThatThrownBy(() -> new FixFinderConfig.OpenSearch(List.of()))
        .hasMessageContaining("index.opensearch.urls must name a node");
  }

  @Test
  void aSiteFileSetsShardsAndReplicas() throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, "index:\n  opensearch:\n    shards: 3\n    replicas: 2\n");
    FixFinderConfig.OpenSearch os =
        ConfigLoader.load(Optional.of(file), Map.of()).index().opensearch();
    assertThat(os.shards()).isEqualTo(3);
    assertThat(os.replicas()).isEqualTo(2);
    // the nodes keep their default: the keys are independent
    assertThat(os.urls()).containsExactly("http://127.0.0.1:9200");
    assertThat(os.withUrls(List.of("http://os9:9200")))
        .isEqualTo(new FixFinderConfig.OpenSearch(List.of("http://os9:9200"), 3, 2));
  }

  @Test
  void badShardsAndReplicasAreOneLineNamingKeyAndValue() throws Exception {
    Map<String, String> cases =
        Map.of(
            "shards: 0", "index.opensearch.shards must be 1 to 1024, got 0",
            "shards: 1025", "index.opensearch.shards must be 1 to 1024, got 1025",
            "shards: -2", "index.opensearch.shards must be 1 to 1024, got -2",
            "replicas: -1", "index.opensearch.replicas must be 0 to 64, got -1",
            "replicas: 65", "index.opensearch.replicas must be 0 to 64, got 65");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path file = dir.resolve("site.yaml");
      Files.writeString(file, "index:\n  opensearch:\n    " + c.getKey() + "\n");
      assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
          .as(c.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessage(c.getValue());
    }
  }

  @Test
  void aShardCountThatIsNoWholeNumberIsRefused() throws Exception {
    for (String value : List.of("two", "1.5", "[2]")) {
      Path file = dir.resolve("site.yaml");
      Files.writeString(file, "index:\n  opensearch:\n    shards: " + value + "\n");
      assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
          .as(value)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("invalid configuration index.opensearch.shards: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }
}
