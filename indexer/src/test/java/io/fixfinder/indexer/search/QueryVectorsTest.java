package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The query-vector cache: bounded by bytes, shared by concurrent searches, one embedding a text.
 */
class QueryVectorsTest {
  /** A deterministic embedder of a fixed dimension that counts the texts it embeds. */
  static final class CountingEmbedder implements Embedder {
    final int dims;
    final AtomicInteger calls = new AtomicInteger();
    final ConcurrentHashMap<String, Integer> perText = new ConcurrentHashMap<>();

    CountingEmbedder(int dims) {
      this.dims = dims;
    }

    @Override
    public int dimensions() {
      return dims;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        calls.incrementAndGet();
        perText.merge(t, 1, Integer::sum);
        float[] v = new float[dims];
        v[Math.floorMod(t.hashCode(), dims)] = 1f;
        out.add(v);
      }
      return out;
    }
  }

  @Test
  void entriesAreChargedTheirKeyAndFloatsAndTheTotalStaysUnderTheBound() {
    assertThat(QueryVectors.weight("abcd", new float[384]))
        .isEqualTo(QueryVectors.ENTRY_OVERHEAD + 8 + 1536);
    CountingEmbedder model = new CountingEmbedder(384);
    long bound = 64 * 1024;
    QueryVectors vectors = new QueryVectors(model, bound);
    String padding = "x".repeat(400);
    for (int i = 0; i < 2_000; i++) vectors.of("query " + i + " " + padding);
    // each entry ~2.4 KB: about 26 fit in 64 KB, never 2,000
    assertThat(vectors.weightedBytes()).isLessThanOrEqualTo(bound).isGreaterThan(bound / 2);
    assertThat(vectors.size()).isBetween(10L, 27L);
  }

  @Test
  void casedAndSpacedVariantsShareOneEntry() {
    CountingEmbedder model = new CountingEmbedder(8);
    QueryVectors vectors = new QueryVectors(model, 1 << 20);
    float[] a = vectors.of("Washer  full of WATER");
    float[] b = vectors.of("washer full of water ");
    assertThat(b).isSameAs(a);
    assertThat(model.calls).hasValue(1);
    assertThat(model.perText).containsOnlyKeys("washer full of water");
  }

  @Test
  void concurrentSearchesEmbedEachTextOnceAndAllGetItsVector() throws Exception {
    CountingEmbedder model = new CountingEmbedder(16);
    QueryVectors vectors = new QueryVectors(model, 1 << 20);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<float[]> got = new ArrayList<>();
                  for (int i = 0; i < 500; i++) got.add(vectors.of("query " + (i % 50)));
                  return got;
                }));
      }
      start.countDown();
      List<List<float[]>> all = new ArrayList<>();
      for (Future<List<float[]>> f : results) all.add(f.get());
      // 50 texts, each embedded once, and every search got that text's vector
      assertThat(model.perText).hasSize(50).allSatisfy((text, n) -> assertThat(n).isOne());
      CountingEmbedder reference = new CountingEmbedder(16);
      for (List<float[]> got : all) {
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i))
              .isEqualTo(reference.embed(List.of("query " + (i % 50))).getFirst());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
