package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsBind() {
    FixFinderConfig config = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(config.server().port()).isEqualTo(7070);
    assertThat(config.data().dir()).isEqualTo(Path.of("./data"));
    assertThat(config.youtube().dailyQuotaUnits()).isEqualTo(10_000);
  }

  @Test
  void fileThenEnvironmentOverride() throws Exception {
    Path file = dir.resolve("ff.yaml");
    Files.writeString(file, "server:\n  port: 8081\ncrawl:\n  maxPages: 12\n");
    FixFinderConfig config =
        ConfigLoader.load(Optional.of(file), Map.of("FIXFINDER_DATA_DIR", "/tmp/x"));
    assertThat(config.server().port()).isEqualTo(8081);
    assertThat(config.crawl().maxPages()).isEqualTo(12);
    assertThat(config.crawl().maxDepth()).isEqualTo(8);
    assertThat(config.data().dir()).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void unknownKeyIsNamed() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "server:\n  prot: 1\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("prot");
  }

  @Test
  void badValueIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("FIXFINDER_PORT", "99999")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port");
  }
}
