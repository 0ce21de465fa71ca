package io.fixfinder.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The servers the benchmark measures run what it claims: read back by the real config loader. */
class BackendBenchTest {
  @TempDir Path dir;

  @Test
  void embeddedServerRunsTheDefaultPathUncached() throws Exception {
    FixFinderConfig cfg = load(BackendBench.serverConfig(Optional.empty()));
    assertEquals(FixFinderConfig.Backend.LUCENE, cfg.index().backend());
    assertEquals(FixFinderConfig.Retrieval.HYBRID, cfg.index().retrieval());
    assertEquals(FixFinderConfig.Fusion.LEARNED, cfg.index().fusion());
    assertEquals(0, cfg.server().searchCacheMb());
    // everything else as a user gets it: search threads, ranking, embeddings
    FixFinderConfig defaults = ConfigLoader.load(Optional.empty(), Map.of());
    assertEquals(defaults.server().searchThreads(), cfg.server().searchThreads());
    assertEquals(defaults.index().embeddings(), cfg.index().embeddings());
  }

  @Test
  void clusterServerSearchesEveryNodeUncached() throws Exception {
    List<URI> nodes =
        List.of(URI.create("http://127.0.0.1:19301"), URI.create("http://127.0.0.1:19303"));
    FixFinderConfig cfg =
        load(BackendBench.serverConfig(Optional.of(OpenSearchSettings.of(nodes, Map.of()))));
    assertEquals(FixFinderConfig.Backend.OPENSEARCH, cfg.index().backend());
    assertEquals(
        List.of("http://127.0.0.1:19301", "http://127.0.0.1:19303"),
        cfg.index().opensearch().urls());
    assertEquals(FixFinderConfig.Retrieval.HYBRID, cfg.index().retrieval());
    assertEquals(0, cfg.server().searchCacheMb());
  }

  @Test
  void backendsByName() {
    assertEquals(BackendBench.Backend.OPENSEARCH_3, BackendBench.Backend.of("opensearch-3"));
    assertEquals(0, BackendBench.Backend.of("embedded").nodes);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BackendBench.Backend.of("elastic"));
    assertEquals(
        "unknown backend 'elastic' (embedded, opensearch-1, opensearch-3)", e.getMessage());
  }

  private FixFinderConfig load(String yaml) throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(Optional.of(file), Map.of());
  }
}
