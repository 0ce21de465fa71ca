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
}
