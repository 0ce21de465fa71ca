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
import org.junit.jupiter.params.provider.CsvSource;

class DashboardConfigTest {
  @TempDir Path dir;

  @Test
  void theDefaultsFileGivesTheDocumentedValuesAndAnOverrideChangesOne() throws Exception {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).dashboard())
        .isEqualTo(FixFinderConfig.Dashboard.DEFAULTS)
        .isEqualTo(new FixFinderConfig.Dashboard(5, 30, 400, 5, 8, 5, 15, false));
    Path file = dir.resolve("ff.yaml");
    Files.writeString(file, "dashboard:\n  minQueryCount: 10\n");
    FixFinderConfig cfg = ConfigLoader.load(Optional.of(file), Map.of());
    assertThat(cfg.dashboard().minQueryCount()).isEqualTo(10);
    assertThat(cfg.dashboard().retentionDays()).isEqualTo(400);
    assertThat(cfg.withPort(8080).withDataDir(dir).dashboard().minQueryCount()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource({
    "minQueryCount, 1, dashboard.minQueryCount must be 2-1000, got 1",
    "retentionDays, 30, dashboard.retentionDays must be 35-3660",
    "flushSeconds, 0, dashboard.flushSeconds must be 1-300, got 0",
    "sessionHours, 25, dashboard.sessionHours must be 1-24, got 25",
    "alertEveryMinutes, 0, dashboard.alertEveryMinutes must be 1-1440, got 0",
  })
  void aValueOutOfRangeNamesTheKey(String key, String value, String message) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "dashboard:\n  " + key + ": " + value + "\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
