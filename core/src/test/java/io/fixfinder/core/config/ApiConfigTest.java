package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code api} section (issue 16): its defaults, an override, and what it refuses at start. */
class ApiConfigTest {
  @TempDir Path dir;

  @Test
  void defaults() {
    FixFinderConfig.Api api = ConfigLoader.load(Optional.empty(), Map.of()).api();
    assertThat(api.publicUrl()).isEmpty();
    assertThat(api.keyCacheSeconds()).isEqualTo(5);
    assertThat(api.rotationGraceHours()).isEqualTo(24);
    assertThat(api.tenantRateLimitPerMinute()).isEqualTo(600);
    assertThat(api.tenantDailyQuota()).isEqualTo(100_000);
  }

  @Test
  void aPublicUrlLosesItsTrailingSlash() throws Exception {
    Path file = dir.resolve("ff.yaml");
    Files.writeString(
        file, "api:\n  publicUrl: \"https://fixfinder.example.org/\"\n  keyCacheSeconds: 0\n");
    FixFinderConfig.Api api = ConfigLoader.load(Optional.of(file), Map.of()).api();
    assertThat(api.publicUrl()).isEqualTo("https://fixfinder.example.org");
    assertThat(api.keyCacheSeconds()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "publicUrl: \"fixfinder.example.org\"",
        "publicUrl: \"ftp://fixfinder.example.org\"",
        "publicUrl: \"https://fixfinder.example.org/?q=1\"",
        "keyCacheSeconds: 301",
        "rotationGraceHours: -1",
        "tenantRateLimitPerMinute: 0",
        "tenantDailyQuota: 0"
      })
  void badValuesAreRefusedNamingTheKey(String line) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "api:\n  " + line + "\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api.");
  }
}
