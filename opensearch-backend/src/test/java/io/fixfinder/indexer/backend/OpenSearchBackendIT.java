package io.fixfinder.indexer.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.ExternalRanking;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.Tuning;
import io.fixfinder.opensearch.backend.OpenSearchBackend;
import io.fixfinder.opensearch.backend.OpenSearchSettings;
import io.fixfinder.opensearch.backend.SharedNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The OpenSearch backend passes the backend contract on a real node (a process of its own), with
 * hybrid retrieval: bm25 and k-NN candidates from OpenSearch, fused by the indexer's fusion.
 */
class OpenSearchBackendIT extends IndexBackendContract {
  static OpenSearchSettings settings;
  static OpenSearchBackend backend;

  @BeforeAll
  static void index() throws Exception {
    settings = OpenSearchSettings.of(List.of(SharedNode.url()), Map.of()).withAlias("contract");
    backend = OpenSearchBackend.open(settings, ranking(), Optional.of(new WordHashEmbedder()));
    backend.writeGeneration(RECORDS);
  }

  @AfterAll
  static void close() throws Exception {
    if (backend != null) backend.close();
  }

  static ExternalRanking ranking() {
    return new ExternalRanking(
        KeyExtractor.builtIn(), Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT);
  }

  @Override
  IndexBackend backend() {
    return backend;
  }

  /** An index written as an older version would have: its _meta says the previous schema. */
  @Override
  IndexBackend openStale() throws Exception {
    OpenSearchClient client =
        new OpenSearchClient(
            ApacheHttpClient5TransportBuilder.builder(
                    org.apache.hc.core5.http.HttpHost.create(settings.urls().getFirst()))
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(b -> b.disableContentCompression())
                .build());
    client
        .indices()
        .create(
            c ->
                c.index("stale-1")
                    .mappings(
                        m ->
                            m.meta(
                                Map.of(
                                    "fixfinder_schema", JsonData.of(SchemaVersion.CURRENT - 1)))));
    client.indices().putAlias(a -> a.index("stale-1").name("stale"));
    try (OpenSearchBackend stale =
        OpenSearchBackend.open(settings.withAlias("stale"), ranking(), Optional.empty())) {
      return stale;
    }
  }

  @Test
  void aGenerationLeavesOneIndexBehindTheAlias() throws Exception {
    backend.writeGeneration(RECORDS);
    OpenSearchClient client =
        new OpenSearchClient(
            ApacheHttpClient5TransportBuilder.builder(
                    org.apache.hc.core5.http.HttpHost.create(settings.urls().getFirst()))
                .setMapper(new JacksonJsonpMapper())
                .setHttpClientConfigCallback(b -> b.disableContentCompression())
                .build());
    var indices = client.indices().get(g -> g.index("contract-*")).result().keySet();
    assertThat(indices).hasSize(1);
    assertThat(client.indices().getAlias(g -> g.name("contract")).result().keySet())
        .isEqualTo(indices);
  }

  @Test
  void aRebuildKeepsTheVectorsOfUnchangedTexts() throws Exception {
    var changed =
        doc(
            DOOR.url(),
            DOOR.kind(),
            DOOR.title(),
            DOOR.text() + " The lock clicks but never releases.",
            DOOR.details());
    try {
      var report = backend.writeGeneration(List.of(MANUAL, THREAD, changed));
      assertThat(report.reused()).isEqualTo(2);
      assertThat(report.embedded()).isEqualTo(1);
      // the kept vectors still find their records
      var hits = backend.search(SearchRequest.of("water does not drain").withMode(Retrieval.DENSE));
      assertThat(hits.hits()).isNotEmpty();
    } finally {
      backend.writeGeneration(RECORDS);
    }
  }

  @Test
  void bm25AndDenseModesAnswerToo() throws Exception {
    for (Retrieval mode : Retrieval.values()) {
      var r = backend.search(SearchRequest.of("washer E18 drain").withMode(mode));
      assertThat(r.hits()).as(mode.id()).isNotEmpty();
      assertThat(r.total()).as(mode.id()).isGreaterThanOrEqualTo(r.hits().size());
    }
  }

  /**
   * A deterministic stand-in for a sentence embedding: hashed word counts, normalised (what matters
   * here is that the engine stores and searches vectors; the real model's are no different to it).
   */
  static final class WordHashEmbedder implements Embedder {
    static final int DIMENSIONS = 32;

    @Override
    public int dimensions() {
      return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String text : texts) {
        float[] v = new float[DIMENSIONS];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty()) v[Math.floorMod(w.hashCode(), DIMENSIONS)] += 1;
        }
        if (Embedder.normalise(v)[0] == 0 && allZero(v)) v[0] = 1;
        out.add(v);
      }
      return out;
    }

    private static boolean allZero(float[] v) {
      for (float x : v) if (x != 0) return false;
      return true;
    }
  }
}
