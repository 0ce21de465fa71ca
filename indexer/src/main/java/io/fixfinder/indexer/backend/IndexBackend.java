package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * What the API and the CLI need of the index, whatever engine holds it: the embedded Lucene index
 * ({@link LuceneBackend}, the default) or, next, an OpenSearch cluster (docs/scaling.md, item 1).
 * Issue clusters, votes and helpers are not here: they live in the store, shared by every backend.
 *
 * <p>Started with the read side that both engines answer the same way; writing a generation and the
 * suggester's inputs follow with the OpenSearch implementation. {@link IndexBackendContract} is the
 * test every implementation passes.
 */
public interface IndexBackend {
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
