package io.fixfinder.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
  @Test
  void defaultIsSqliteUnderTheDataDir() {
    FixFinderConfig cfg = ConfigLoader.load(Optional.empty(), Map.of());
    assertThat(cfg.database().url()).isEmpty();
    assertThat(cfg.database().maxConnections()).isEqualTo(8);
    assertThat(cfg.database().connectTimeoutSeconds()).isEqualTo(3);
    assertThat(cfg.server().shutdownGraceSeconds()).isEqualTo(10);
    assertThat(cfg.database().urlFor(Path.of("/srv/ff")))
        .isEqualTo("jdbc:sqlite:" + Path.of("/srv/ff/fixfinder.db").toAbsolutePath());
  }

  @Test
  void environmentSetsTheUrl() {
    String url = "jdbc:postgresql://db.internal:5432/ff?user=ff";
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.empty(), Map.of("FIXFINDER_DATABASE_URL", url));
    assertThat(cfg.database().urlFor(Path.of("/srv/ff"))).isEqualTo(url);
  }

  @Test
  void anotherDatabaseIsRejectedWithoutEchoingTheUrl() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of("FIXFINDER_DATABASE_URL", "jdbc:mysql://h/db?password=hunter2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'jdbc:mysql:'")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void outOfRangeSettingsNameTheKey() {
    assertThatThrownBy(() -> new FixFinderConfig.Database("", 0, 3, 1000))
        .hasMessageContaining("database.maxConnections must be 1-100, got 0");
    assertThatThrownBy(() -> new FixFinderConfig.Database("", 8, 3, 0))
        .hasMessageContaining("database.changePollMillis must be 50-60000, got 0");
  }
}
