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
  void demoOnAnUnknownBackendIsOneLine() {
    CliRun run = CliRun.of(data, "demo", "--backend", "elastic");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("fixfinder: unknown index backend 'elastic' (lucene or opensearch)");
  }

  @Test
  void serveOnAnUnreachableClusterIsOneLine() throws Exception {
    int cluster = freePort();
    Path config = data.resolve("site.yaml");
    Files.writeString(
        config,
        "index:\n  embeddings: false\n  retrieval: bm25\n  backend: opensearch\n"
            + "  opensearch:\n    urls: [\"http://127.0.0.1:"
            + cluster
            + "\"]\n");
    CliRun run =
        CliRun.of(
            data, "serve", "--config", config.toString(), "--port", Integer.toString(freePort()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("fixfinder: OpenSearch at [http://127.0.0.1:" + cluster + "] cannot be reached")
        .doesNotContain("Exception\n\tat");
  }

  @Test
  void serveBackendOptionChoosesTheCluster() throws Exception {
    int cluster = freePort();
    Path config = data.resolve("site.yaml");
    Files.writeString(
        config,
        "index:\n  embeddings: false\n  retrieval: bm25\n"
            + "  opensearch:\n    urls: [\"http://127.0.0.1:"
            + cluster
            + "\"]\n");
    CliRun run =
        CliRun.of(
            data,
            "serve",
            "--backend",
            "opensearch",
            "--config",
            config.toString(),
            "--port",
            Integer.toString(freePort()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith(
            "fixfinder: OpenSearch at [http://127.0.0.1:" + cluster + "] cannot be reached");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort(); // free, and nothing listens once closed
    }
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

  @Test
  void aBadShardOrReplicaCountIsOneLineBeforeAnyNodeIsAsked() throws Exception {
    Path config = data.resolve("site.yaml");
    for (String[] c :
        new String[][] {
          {"shards: 0", "fixfinder: index.opensearch.shards must be 1 to 1024, got 0"},
          {"replicas: -1", "fixfinder: index.opensearch.replicas must be 0 to 64, got -1"}
        }) {
      Files.writeString(config, "index:\n  opensearch:\n    " + c[0] + "\n");
      CliRun run =
          CliRun.of(data, "index", "--backend", "opensearch", "--config", config.toString());
      assertThat(run.exit()).as(c[0]).isEqualTo(2);
      assertThat(run.err().strip()).as(c[0]).isEqualTo(c[1]);
    }
  }
}
