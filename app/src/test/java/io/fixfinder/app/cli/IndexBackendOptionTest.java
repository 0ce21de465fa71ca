package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index --backend} and {@code index.backend}: operator mistakes are one line and exit 2,
 * never a stack trace.
 */
class IndexBackendOptionTest {
  @TempDir Path data;

  @Test
  void anUnknownBackendIsOneLine() {
    CliRun run = CliRun.of(data, "index", "--backend", "elastic");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("fixfinder: unknown index backend 'elastic' (lucene or opensearch)");
  }

  @Test
  void serveRefusesTheBackendItCannotSearchYet() throws Exception {
    Path config = data.resolve("site.yaml");
    Files.writeString(config, "index:\n  backend: opensearch\n");
    CliRun run = CliRun.of(data, "serve", "--config", config.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("fixfinder: serve does not search index.backend: opensearch yet");
  }

  @Test
  void anUnreachableClusterIsOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free, and nothing listens once closed
    }
    Path config = data.resolve("site.yaml");
    Files.writeString(
        config, "index:\n  opensearch:\n    urls: [\"http://127.0.0.1:" + port + "\"]\n");
    CliRun run = CliRun.of(data, "index", "--backend", "opensearch", "--config", config.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("fixfinder: OpenSearch at [http://127.0.0.1:" + port + "] cannot be reached")
        .doesNotContain("Exception\n\tat");
  }
}
