package io.fixfinder.indexer.backend;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.search.GroupedSearch;
import io.fixfinder.indexer.search.RecordLookup;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded Lucene index as an {@link IndexBackend}: the existing store, grouped search and
 * record lookup behind the interface, unchanged. A generation is written by {@link Indexer#rebuild}
 * into a new folder under the index root and published by its pointer swap, as {@code fixfinder
 * index} does; the served store ({@link IndexStore#openReadOnly}) follows the pointer.
 */
public final class LuceneBackend implements IndexBackend {
  /** Where and how generations are written: the index root, the RAM buffer, the embedder. */
  public record Writing(
      Path root, int ramBufferMb, Optional<Embedder> embedder, PrintStream progress) {
    public Writing {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(embedder, "embedder");
      Objects.requireNonNull(progress, "progress");
      if (ramBufferMb < 1) throw new IllegalArgumentException("ramBufferMb must be >= 1");
    }

    /** Writing under {@code root} without embeddings or progress lines. */
    public static Writing quiet(Path root, int ramBufferMb) {
      return new Writing(
          root, ramBufferMb, Optional.empty(), new PrintStream(OutputStream.nullOutputStream()));
    }
  }

  private final Writing writing;
  private final IndexStore store;
  private final GroupedSearch search;
  private final RecordLookup records;

  /**
   * {@code store} serves the index under {@code writing.root()} read-only (it follows each new
   * generation), so that a generation written here is the one it serves next.
   */
  public LuceneBackend(
      Writing writing, IndexStore store, GroupedSearch search, RecordLookup records) {
    this.writing = Objects.requireNonNull(writing, "writing");
    this.store = Objects.requireNonNull(store, "store");
    this.search = Objects.requireNonNull(search, "search");
    this.records = Objects.requireNonNull(records, "records");
  }

  @Override
  public Indexer.Report writeGeneration(Collection<SourceDoc> docs) throws IOException {
    Indexer.Report report =
        Indexer.rebuild(
            writing.root(), writing.ramBufferMb(), writing.embedder(), docs, writing.progress());
    store.refresh(); // served now, not at the next follow tick
    return report;
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
