package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.testing.TestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The pruning prior query ranks exactly as a plain function score does: same top records, same
 * scores, on random texts and priors (a failure names its seed; -Dtests.seed replays it): with a
 * prior without a skip index (one bound for all), and with one on segments sorted by prior (a bound
 * per block), the records written in runs sorted by prior as the indexer writes them.
 */
class PriorBoostQueryTest {
  private static final String[] WORDS =
      "drain pump filter door lock heater error noise leak water drum belt fuse board".split(" ");

  @Test
  void sameTopRecordsAndScoresAsAFunctionScore() throws Exception {
    check(false, 5_000, 500);
  }

  @Test
  void sameWithABoundPerBlockOfASkipIndex() throws Exception {
    check(true, 30_000, 12_000);
  }

  private static void check(boolean skipIndex, int docs, int perSegment) throws Exception {
    TestSeed.run("PriorBoostQueryTest", seed -> check(skipIndex, docs, perSegment, seed));
  }

  private static void check(boolean skipIndex, int docs, int perSegment, long seed)
      throws Exception {
    Random rnd = new Random(seed);
    try (Directory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setMaxBufferedDocs(perSegment); // several segments
      if (skipIndex) config.setIndexSort(DocumentMapper.INDEX_ORDER); // as the index is sorted
      try (IndexWriter w = new IndexWriter(dir, config)) {
        List<Float> run = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
          // runs of up to 5,000 records, best prior first; one in ten without a prior
          if (run.isEmpty()) {
            for (int k = 0; k < 5_000; k++) {
              run.add(rnd.nextInt(10) > 0 ? 0.5f + 1.5f * rnd.nextFloat() : Float.NaN);
            }
            run.sort((a, b) -> Float.compare(b, a));
          }
          float prior = run.removeFirst();
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          StringBuilder text = new StringBuilder();
          for (int k = 0, n = 3 + rnd.nextInt(30); k < n; k++) {
            text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(rnd.nextGaussian()) * 4)]);
            text.append(' ');
          }
          d.add(new TextField("text", text.toString(), Field.Store.NO));
          if (!Float.isNaN(prior)) {
            d.add(
                skipIndex
                    ? NumericDocValuesField.indexedField(
                        Fields.PRIOR, Float.floatToRawIntBits(prior))
                    : new FloatDocValuesField(Fields.PRIOR, prior));
          }
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        if (skipIndex) { // the per-block bounds are in play
          var leaf = reader.leaves().getFirst().reader();
          assertThat(leaf.getMetaData().sort()).isEqualTo(DocumentMapper.INDEX_ORDER);
          assertThat(leaf.getDocValuesSkipper(Fields.PRIOR)).isNotNull();
        }
        for (int q = 0; q < 40; q++) {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
            b.add(
                new TermQuery(new Term("text", WORDS[rnd.nextInt(WORDS.length)])),
                BooleanClause.Occur.SHOULD);
          }
          Query inner = b.build();
          int k = 1 + rnd.nextInt(50);
          TopDocs expected =
              searcher.search(
                  FunctionScoreQuery.boostByValue(
                      inner, DoubleValuesSource.fromFloatField(Fields.PRIOR)),
                  new TopScoreDocCollectorManager(k, Integer.MAX_VALUE));
          TopDocs actual =
              searcher.search(
                  new PriorBoostQuery(inner, Fields.PRIOR, 2f),
                  new TopScoreDocCollectorManager(k, 10));
          assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
          for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertThat(actual.scoreDocs[i].score)
                .as("query %s rank %d (seed %d)", inner, i, seed)
                .isCloseTo(expected.scoreDocs[i].score, org.assertj.core.data.Offset.offset(1e-5f));
          }
          assertThat(searcher.count(new PriorBoostQuery(inner, Fields.PRIOR, 2f)))
              .isEqualTo(searcher.count(inner));
          // a softened prior: score × prior^e, against a function score of the same power
          float e = new float[] {0f, 0.5f}[rnd.nextInt(2)];
          TopDocs soft =
              searcher.search(
                  new PriorBoostQuery(inner, Fields.PRIOR, 2f, e),
                  new TopScoreDocCollectorManager(k, 10));
          TopDocs softExpected =
              searcher.search(
                  FunctionScoreQuery.boostByValue(
                      inner, pow(DoubleValuesSource.fromFloatField(Fields.PRIOR), e)),
                  new TopScoreDocCollectorManager(k, Integer.MAX_VALUE));
          assertThat(soft.scoreDocs).hasSameSizeAs(softExpected.scoreDocs);
          for (int i = 0; i < softExpected.scoreDocs.length; i++) {
            assertThat(soft.scoreDocs[i].score)
                .as("query %s ^%s rank %d (seed %d)", inner, e, i, seed)
                .isCloseTo(
                    softExpected.scoreDocs[i].score, org.assertj.core.data.Offset.offset(1e-4f));
          }
        }
      }
    }
  }

  /** {@code in}^{@code p} where {@code in} has a value (a record without one stays without). */
  private static DoubleValuesSource pow(DoubleValuesSource in, double p) {
    return new DoubleValuesSource() {
      @Override
      public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores)
          throws java.io.IOException {
        DoubleValues v = in.getValues(ctx, scores);
        return new DoubleValues() {
          @Override
          public double doubleValue() throws java.io.IOException {
            return Math.pow(v.doubleValue(), p);
          }

          @Override
          public boolean advanceExact(int doc) throws java.io.IOException {
            return v.advanceExact(doc);
          }
        };
      }

      @Override
      public boolean needsScores() {
        return false;
      }

      @Override
      public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
      }

      @Override
      public int hashCode() {
        return java.util.Objects.hash(in, p);
      }

      @Override
      public boolean equals(Object o) {
        return o == this;
      }

      @Override
      public String toString() {
        return "pow(" + in + ", " + p + ")";
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }
}
