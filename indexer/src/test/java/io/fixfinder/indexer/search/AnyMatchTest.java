package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeScope#anyMatch} stops at the first live match; it must agree with Lucene's own {@code
 * count(query) > 0} on random indexes of several segments with deleted records. The seed is
 * printed; {@code -Dtests.seed=N} replays it.
 */
class AnyMatchTest {
  private static final String[] WORDS = {"drain", "pump", "filter", "screen", "battery", "noise"};
  private static final String[] TYPES = {"washing-machine", "smartphone", "printer"};

  @Test
  void agreesWithLuceneCountOnRandomIndexesWithDeletions() throws Exception {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    System.out.println("AnyMatchTest seed " + seed + " (replay with -Dtests.seed=" + seed + ")");
    Random r = new Random(seed);
    for (int round = 0; round < 20; round++) {
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
          IndexWriter w =
              new IndexWriter(
                  dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(7))) {
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
          Document d = new Document();
          d.add(new StringField("id", "r" + i, Field.Store.NO));
          d.add(new StringField("type", TYPES[r.nextInt(TYPES.length)], Field.Store.NO));
          d.add(
              new TextField(
                  "text",
                  WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)],
                  Field.Store.NO));
          w.addDocument(d);
        }
        for (int i = 0; i < n; i++)
          if (r.nextInt(3) == 0) w.deleteDocuments(new Term("id", "r" + i));
        w.commit();
        try (DirectoryReader reader = DirectoryReader.open(w)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (String word : WORDS) {
            for (String type : TYPES) {
              Query q =
                  new BooleanQuery.Builder()
                      .add(new TermQuery(new Term("text", word)), Occur.MUST)
                      .add(new TermQuery(new Term("type", type)), Occur.FILTER)
                      .build();
              assertThat(TypeScope.anyMatch(searcher, q))
                  .as("%s %s in round %d", word, type, round)
                  .isEqualTo(searcher.count(q) > 0);
            }
          }
        }
      }
    }
  }
}
