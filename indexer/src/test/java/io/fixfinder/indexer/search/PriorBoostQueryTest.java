package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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
 * scores, on random texts and priors (the seed is printed so a failure replays).
 */
class PriorBoostQueryTest {
  private static final String[] WORDS =
      "drain pump filter door lock heater error noise leak water drum belt fuse board".split(" ");

  @Test
  void sameTopRecordsAndScoresAsAFunctionScore() throws Exception {
    long seed = System.nanoTime();
    System.out.println("PriorBoostQueryTest seed " + seed);
    Random rnd = new Random(seed);
    try (Directory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setMaxBufferedDocs(500); // several segments
      try (IndexWriter w = new IndexWriter(dir, config)) {
        for (int i = 0; i < 5_000; i++) {
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          StringBuilder text = new StringBuilder();
          for (int k = 0, n = 3 + rnd.nextInt(30); k < n; k++) {
            text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(rnd.nextGaussian()) * 4)]);
            text.append(' ');
          }
          d.add(new TextField("text", text.toString(), Field.Store.NO));
          if (rnd.nextInt(10) > 0)
            d.add(new FloatDocValuesField("prior", 0.5f + 1.5f * rnd.nextFloat()));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
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
                      inner, DoubleValuesSource.fromFloatField("prior")),
                  new TopScoreDocCollectorManager(k, Integer.MAX_VALUE));
          TopDocs actual =
              searcher.search(
                  new PriorBoostQuery(inner, "prior", 2f), new TopScoreDocCollectorManager(k, 10));
          assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
          for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertThat(actual.scoreDocs[i].score)
                .as("query %s rank %d (seed %d)", inner, i, seed)
                .isCloseTo(expected.scoreDocs[i].score, org.assertj.core.data.Offset.offset(1e-5f));
          }
          assertThat(searcher.count(new PriorBoostQuery(inner, "prior", 2f)))
              .isEqualTo(searcher.count(inner));
        }
      }
    }
  }
}
