package io.fixfinder.indexer.eval.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The baseline every figure is compared with: plain Lucene, {@link EnglishAnalyzer}, title and text
 * in one field, default BM25, the query's words as a disjunction. Nothing of ours.
 */
final class LuceneBaseline implements AutoCloseable {
  private static final String ID = "id";
  private static final String BODY = "body";

  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  LuceneBaseline(Path dir, List<BeirSet.Doc> corpus) throws IOException {
    directory = FSDirectory.open(dir);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (BeirSet.Doc d : corpus) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(BODY, d.title() + "\n" + d.text(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  List<String> rank(String query, int n) throws IOException {
    Query q =
        new QueryBuilder(analyzer).createBooleanQuery(BODY, query, BooleanClause.Occur.SHOULD);
    List<String> ids = new ArrayList<>();
    if (q == null) return ids;
    for (ScoreDoc d : searcher.search(q, n).scoreDocs) {
      ids.add(searcher.storedFields().document(d.doc, Set.of(ID)).get(ID));
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
