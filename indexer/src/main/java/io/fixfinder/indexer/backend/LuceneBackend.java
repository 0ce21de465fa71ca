package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.write.IndexStore;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded Lucene index as an {@link IndexBackend}: the existing store, grouped search and
 * record lookup behind the interface, unchanged.
 */
public final class LuceneBackend implements IndexBackend {
  private final IndexStore store;
  private final GroupedSearch search;
  private final RecordLookup records;

  public LuceneBackend(IndexStore store, GroupedSearch search, RecordLookup records) {
    this.store = Objects.requireNonNull(store, "store");
    this.search = Objects.requireNonNull(search, "search");
    this.records = Objects.requireNonNull(records, "records");
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return search.search(request);
  }

  @Override
  public Map<String, SourceDoc> byIds(Collection<String> ids) throws IOException {
    return records.byIds(ids);
  }

  @Override
  public boolean exists(String id) throws IOException {
    return records.exists(id);
  }

  @Override
  public long count() {
    return store.count();
  }

  @Override
  public int schemaVersion() throws IOException {
    return store.committedSchemaVersion();
  }
}
