package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.Fields;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors are written in batches, and not computed again for unchanged records. */
class IndexVectorsTest {
  @TempDir Path dir;
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  /** A deterministic stand-in for the model that counts texts and calls. */
  static final class CountingEmbedder implements Embedder {
    final AtomicInteger texts = new AtomicInteger();
    final List<Integer> batches = new ArrayList<>();

    @Override
    public int dimensions() {
      return 8;
    }

    @Override
    public synchronized List<float[]> embed(List<String> in) {
      texts.addAndGet(in.size());
      batches.add(in.size());
      List<float[]> out = new ArrayList<>();
      for (String t : in) {
        float[] v = new float[8];
        for (int i = 0; i < t.length(); i++) v[t.charAt(i) % 8] += 1;
        v[0] += 1;
        out.add(Embedder.normalise(v));
      }
      return out;
    }
  }

  static List<SourceDoc> docs(int n, String suffix) {
    List<SourceDoc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String url = "http://f/t/" + i;
      docs.add(
          new SourceDoc(
              SourceDoc.idFor(url),
              url,
              SourceKind.FORUM,
              "f",
              "thread " + i,
              "washer shows E18 and will not drain " + (i == 0 ? suffix : ""),
              null,
              null,
              null,
              false,
              null,
              null));
    }
    return docs;
  }

  static int vectorCount(IndexStore store) throws Exception {
    IndexSearcher s = store.searchers().acquire();
    try {
      int n = 0;
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (v != null) n += v.size();
      }
      return n;
    } finally {
      store.searchers().release(s);
    }
  }

  @Test
  void aRebuildEmbedsInBatchesAndReusesUnchangedVectors() throws Exception {
    CountingEmbedder model = new CountingEmbedder();
    Indexer.Report first = Indexer.rebuild(dir, 16, Optional.of(model), docs(300, ""), QUIET);
    assertThat(first.embedded()).isEqualTo(300);
    assertThat(first.reused()).isZero();
    assertThat(model.batches)
        .containsExactly(Indexer.BATCH, Indexer.BATCH, 300 - 2 * Indexer.BATCH);

    Indexer.Report second =
        Indexer.rebuild(dir, 16, Optional.of(model), docs(300, "and smells of burning"), QUIET);
    assertThat(second.embedded()).isEqualTo(1);
    assertThat(second.reused()).isEqualTo(299);
    assertThat(model.texts.get()).isEqualTo(301);
    try (IndexStore store = IndexStore.open(dir, 16)) {
      assertThat(store.count()).isEqualTo(300);
      assertThat(vectorCount(store)).isEqualTo(300);
    }
  }

  @Test
  void anIncrementalPutReusesTheVectorOfAnUnchangedRecord() throws Exception {
    CountingEmbedder model = new CountingEmbedder();
    try (IndexStore store = IndexStore.open(dir, 16, Optional.of(model))) {
      store.putAll(docs(10, ""));
      store.refresh();
      store.putAll(docs(10, "edited"));
      assertThat(store.vectorCounts()).isEqualTo(new IndexStore.VectorCounts(11, 9));
      store.commit();
      assertThat(store.count()).isEqualTo(10);
      assertThat(vectorCount(store)).isEqualTo(10);
    }
  }

  @Test
  void withoutAnEmbedderTheIndexHasNoVectors() throws Exception {
    Indexer.Report r = Indexer.rebuild(dir, 16, docs(5, ""), QUIET);
    assertThat(r.indexed()).isEqualTo(5);
    assertThat(r.embedded()).isZero();
    try (IndexStore store = IndexStore.open(dir, 16)) {
      assertThat(vectorCount(store)).isZero();
    }
  }
}
