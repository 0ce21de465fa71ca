package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardsConfigTest {
  @TempDir Path dir;

  @Test
  void thirtyReportsByDefaultAndAnOverrideChangesIt() throws Exception {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).leaderboards().minReports())
        .isEqualTo(30);
    Path file = dir.resolve("ff.yaml");
    Files.writeString(file, "leaderboards:\n  minReports: 50\n");
    FixFinderConfig cfg = ConfigLoader.load(Optional.of(file), Map.of());
    assertThat(cfg.leaderboards().minReports()).isEqualTo(50);
    // the with-copies keep it
    assertThat(cfg.withPort(8080).withDataDir(dir).leaderboards().minReports()).isEqualTo(50);
  }

  @Test
  void aMinimumBelowOneNamesTheKey() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "leaderboards:\n  minReports: 0\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leaderboards.minReports must be 1-100000, got 0");
  }
}
