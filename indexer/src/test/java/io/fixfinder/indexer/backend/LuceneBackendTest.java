package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    Indexer.rebuild(dir, 16, RECORDS, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
    RecordLookup records = new RecordLookup(store.searchers());
    Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
    GroupedSearch grouped =
        new GroupedSearch(
            searcher, NO_ISSUES, item -> io.fixfinder.core.feedback.Tally.NONE, records);
    backend = new LuceneBackend(store, grouped, records);
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
