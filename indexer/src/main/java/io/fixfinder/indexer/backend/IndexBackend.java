package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * What the API and the CLI need of the index, whatever engine holds it: the embedded Lucene index
 * ({@link LuceneBackend}, the default) or, next, an OpenSearch cluster (docs/scaling.md, item 1).
 * Issue clusters, votes and helpers are not here: they live in the store, shared by every backend.
 *
 * <p>The write side is one operation: records in, a whole new generation out, published atomically
 * (a search sees the old generation or the new one, never a half-built one), stamped with {@link
 * io.fixfinder.indexer.schema.SchemaVersion#CURRENT}. An index of another schema is refused when it
 * is opened, with {@link io.fixfinder.indexer.write.IndexStore.StaleSchema} on every backend. The
 * API's grouped search runs over a backend's ranked windows ({@link
 * io.fixfinder.indexer.search.RankedWindows}) and reads records through {@link
 * io.fixfinder.indexer.search.RecordReader}. {@code IndexBackendContract} is the test every
 * implementation passes.
 */
public interface IndexBackend {
  /**
   * Writes {@code records} (distinct ids) as a new generation and makes it the one served, in one
   * atomic step; the generation it replaces is removed once nothing reads it. A record that cannot
   * be written is counted in the report, not fatal.
   */
  Indexer.Report writeGeneration(Collection<SourceDoc> records) throws IOException;

  /** A grouped page of results (issue groups and hits), fusion, priors and re-ranking included. */
  SearchResponse search(SearchRequest request) throws IOException;

  /** The records with these ids; an id with no record is absent from the map. */
  Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException;

  /** Whether a record with this id is served. */
  boolean exists(String id) throws IOException;

  /** Records served. */
  long count() throws IOException;

  /** The schema version of the served index (a stale one is refused when it is opened). */
  int schemaVersion() throws IOException;
}
