package io.fixfinder.app.bench;

import io.fixfinder.core.model.SourceDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * The baseline: a plain Lucene {@link IndexWriter} with {@link StandardAnalyzer}, one id, title and
 * text field per record, and a classic query parser over title and text. What an engineer would
 * write in an afternoon; FixFinder's extra analysis, key fields, priors and stored records cost
 * something against it, which is what the benchmark shows.
 */
final class PlainLucene {
  private PlainLucene() {}

  /** Indexes the records into {@code dir}; returns seconds taken, commit included. */
  static double index(Path dir, int ramBufferMb, Collection<SourceDoc> docs) throws IOException {
    long start = System.nanoTime();
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setRAMBufferSizeMB(ramBufferMb);
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, config)) {
      for (SourceDoc doc : docs) {
        Document d = new Document();
        d.add(new StringField("id", doc.id(), Field.Store.YES));
        d.add(new TextField("title", doc.title(), Field.Store.NO));
        d.add(new TextField("text", doc.text(), Field.Store.NO));
        writer.addDocument(d);
      }
      writer.commit();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** A searcher over an index {@link #index} wrote. */
  static final class Search implements AutoCloseable {
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryParser parser = new QueryParser("text", new StandardAnalyzer());

    Search(Path dir) throws IOException {
      this.directory = FSDirectory.open(dir);
      this.reader = DirectoryReader.open(directory);
      this.searcher = new IndexSearcher(reader);
    }

    /** Top ten ids for the query over title and text; returns how many hits it loaded. */
    int top10(String q) throws IOException {
      Query query;
      try {
        String escaped = QueryParser.escape(q);
        query = parser.parse("title:(" + escaped + ")^2 OR text:(" + escaped + ")");
      } catch (ParseException e) {
        return 0;
      }
      int loaded = 0;
      for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
        if (searcher.storedFields().document(sd.doc).get("id") != null) loaded++;
      }
      return loaded;
    }

    @Override
    public void close() throws IOException {
      reader.close();
      directory.close();
    }
  }
}
