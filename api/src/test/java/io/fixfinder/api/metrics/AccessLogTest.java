package io.fixfinder.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
  @TempDir Path dir;

  @Test
  void aFileLogAppendsTimedLinesAcrossOpenings() throws Exception {
    Path file = dir.resolve("logs/access.log");
    try (AccessLog log = AccessLog.of(file.toString())) {
      assertThat(log).isInstanceOf(AccessLog.ToFile.class);
      log.line("GET /api/search 200 1.0 ms");
    }
    try (AccessLog log = AccessLog.of(file.toString())) {
      log.line("GET /health 200 0.2 ms");
    }
    assertThat(Files.readAllLines(file))
        .hasSize(2)
        .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z GET /.* ms"))
        .anyMatch(l -> l.endsWith("GET /health 200 0.2 ms"));
  }

  @Test
  void consoleAndOffAreNamedAndAFileThatCannotBeOpenedSaysWhich() throws Exception {
    assertThat(AccessLog.of("console")).isInstanceOf(AccessLog.Console.class);
    assertThat(AccessLog.of("off")).isInstanceOf(AccessLog.Off.class);
    Path notADir = Files.writeString(dir.resolve("plain"), "x");
    assertThatThrownBy(() -> AccessLog.of(notADir.resolve("access.log").toString()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(notADir.resolve("access.log").toString());
  }
}
