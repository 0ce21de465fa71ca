package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.schema.SchemaVersion;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The embedded index passes the backend contract. */
class LuceneBackendTest extends IndexBackendContract {
  @TempDir static Path dir;
  static IndexStore store;
  static LuceneBackend backend;

  @BeforeAll
  static void index() throws Exception {
    Path root = dir.resolve("index");
    Indexer.rebuild(root, 16, RECORDS, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.openReadOnly(root);
    backend = over(root, store);
  }

  static LuceneBackend over(Path root, IndexStore store) {
    RecordLookup records = new RecordLookup(store.searchers());
    Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
    GroupedSearch grouped =
        new GroupedSearch(
            searcher, NO_ISSUES, item -> io.fixfinder.core.feedback.Tally.NONE, records);
    return new LuceneBackend(LuceneBackend.Writing.quiet(root, 16), store, grouped, records);
  }

  /** An index whose commit says the previous schema, as an older version left it. */
  @Override
  IndexBackend openStale() throws Exception {
    Path root = dir.resolve("stale");
    Path generation = root.resolve("gen-old");
    try (IndexWriter w =
        new IndexWriter(
            FSDirectory.open(generation), new IndexWriterConfig(new StandardAnalyzer()))) {
      Document d = new Document();
      d.add(new StringField("id", "x", Field.Store.YES));
      w.addDocument(d);
      w.setLiveCommitData(
          Map.of(SchemaVersion.KEY, Integer.toString(SchemaVersion.CURRENT - 1)).entrySet());
      w.commit();
    }
    Files.writeString(root.resolve("CURRENT"), "gen-old");
    IndexStore stale = IndexStore.openReadOnly(root);
    stale.close();
    throw new AssertionError("a stale index was opened");
  }

  @AfterAll
  static void close() throws Exception {
    if (store != null) store.close();
  }

  @Override
  IndexBackend backend() {
    return backend;
  }

  /** No issue clusters: the contract is about the index, clusters live in the store. */
  static final IssueSource NO_ISSUES =
      new IssueSource() {
        @Override
        public Optional<IssueCluster> get(String clusterId) {
          return Optional.empty();
        }

        @Override
        public Optional<String> clusterOf(String docId) {
          return Optional.empty();
        }

        @Override
        public List<String> members(String clusterId) {
          return List.of();
        }

        @Override
        public List<IssueCluster> related(String clusterId, int n) {
          return List.of();
        }
      };
}
