package io.fixfinder.indexer.write;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.DocVector;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.schema.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index on disk: one writer, one {@link SearcherManager} (near-real-time), commits carrying the
 * schema version. Index generations live in {@code index/<name>} folders and a pointer file {@code
 * index/CURRENT} names the live one; a rebuild writes a new generation aside and swaps the pointer
 * atomically, so a crash mid-rebuild leaves the old index serving.
 *
 * <p>With an {@link Embedder}, every record also gets a dense vector of its title and opening text.
 * Records are embedded in batches ({@link #putAll}); a record whose text is unchanged keeps the
 * vector the index (or a previous generation, see {@link #putAll(List, List)}) already holds.
 */
public final class IndexStore implements AutoCloseable {
  private static final String POINTER = "CURRENT";

  private final Path root;
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Optional<Embedder> embedder;
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  /** Vectors computed and vectors reused since this store was opened. */
  public record VectorCounts(long embedded, long reused) {}

  private IndexStore(Path root, Path path, int ramBufferMb, Optional<Embedder> embedder)
      throws IOException {
    this.root = root;
    this.path = path;
    this.embedder = embedder;
    this.directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setIndexSort(DocumentMapper.INDEX_ORDER);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(true);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the live generation under {@code root} without embeddings (records get no vector). */
  public static IndexStore open(Path root, int ramBufferMb) throws IOException {
    return open(root, ramBufferMb, Optional.empty());
  }

  /**
   * Opens the live generation under {@code root}, creating an empty one if there is none; with an
   * embedder, records written through this store get dense vectors.
   */
  public static IndexStore open(Path root, int ramBufferMb, Optional<Embedder> embedder)
      throws IOException {
    Files.createDirectories(root);
    Optional<String> current = current(root);
    if (current.isPresent()) {
      // checked before a writer opens it: the writer would refuse another index order anyway
      try (Directory live = FSDirectory.open(root.resolve(current.get()))) {
        int schema = schemaOf(live);
        if (schema != SchemaVersion.CURRENT && DirectoryReader.indexExists(live)) {
          throw new StaleSchema(root, schema);
        }
      }
    }
    String name = current.orElse("gen-" + System.currentTimeMillis());
    IndexStore store = new IndexStore(root, root.resolve(name), ramBufferMb, embedder);
    if (current.isEmpty()) {
      store.commit();
      swapPointer(root, name);
    }
    return store;
  }

  /** Opens a fresh generation beside the live one; {@link #promote()} makes it live. */
  public static IndexStore openAside(Path root, int ramBufferMb) throws IOException {
    return openAside(root, ramBufferMb, Optional.empty());
  }

  /** Opens a fresh generation beside the live one, embedding records when given an embedder. */
  public static IndexStore openAside(Path root, int ramBufferMb, Optional<Embedder> embedder)
      throws IOException {
    Files.createDirectories(root);
    return new IndexStore(root, root.resolve("gen-" + System.nanoTime()), ramBufferMb, embedder);
  }

  /** The folder of the live generation under {@code root}, if there is one. */
  public static Optional<Path> currentGeneration(Path root) throws IOException {
    return current(root).map(root::resolve);
  }

  static Optional<String> current(Path root) throws IOException {
    Path pointer = root.resolve(POINTER);
    if (!Files.exists(pointer)) return Optional.empty();
    String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (name.isEmpty() || !Files.isDirectory(root.resolve(name))) return Optional.empty();
    return Optional.of(name);
  }

  private static void swapPointer(Path root, String name) throws IOException {
    Path tmp = root.resolve(POINTER + ".tmp");
    Files.writeString(tmp, name, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        root.resolve(POINTER),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Commits, makes this generation live and deletes the generations it replaced. */
  public void promote() throws IOException {
    commit();
    swapPointer(root, path.getFileName().toString());
    try (Stream<Path> gens = Files.list(root)) {
      for (Path old : gens.filter(p -> Files.isDirectory(p) && !p.equals(path)).toList()) {
        deleteTree(old);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      // a leftover old generation only wastes disk; the pointer decides what is live
    }
  }

  /**
   * Adds or replaces a record (by id). Visible to searches after {@link #refresh()}. Prefer {@link
   * #putAll} for many records: embeddings are computed per batch.
   */
  public void put(SourceDoc doc) throws IOException {
    putAll(List.of(doc));
  }

  /**
   * Adds or replaces records (by id), embedding in one batch the ones whose vector is not already
   * in this generation's last refreshed view with the same content hash.
   */
  public void putAll(List<SourceDoc> docs) throws IOException {
    putAll(docs, List.of());
  }

  /**
   * As {@link #putAll(List)}, also looking for reusable vectors in {@code earlier} (for example the
   * previous generation during a rebuild). A record that cannot be mapped throws {@link
   * IllegalArgumentException} after the others of the batch were written.
   */
  public void putAll(List<SourceDoc> docs, List<IndexSearcher> earlier) throws IOException {
    write(docs, earlier, true);
  }

  /**
   * As {@link #putAll(List, List)} for records known to be new to this generation, with distinct
   * ids (a rebuild writing a fresh generation): added without first deleting by id, which costs a
   * term lookup per record and made a rebuild a third slower.
   */
  public void addAll(List<SourceDoc> docs, List<IndexSearcher> earlier) throws IOException {
    write(docs, earlier, false);
  }

  private void write(List<SourceDoc> docs, List<IndexSearcher> earlier, boolean replace)
      throws IOException {
    if (docs.isEmpty()) return;
    List<Optional<DocVector>> vectors = vectors(docs, earlier);
    IllegalArgumentException failure = null;
    int failures = 0;
    for (int i = 0; i < docs.size(); i++) {
      SourceDoc doc = docs.get(i);
      try {
        var document = DocumentMapper.toDocument(doc, vectors.get(i));
        if (replace) writer.updateDocument(new Term(Fields.ID, doc.id()), document);
        else writer.addDocument(document);
      } catch (IllegalArgumentException e) {
        failures++;
        if (failure == null) failure = e;
      }
    }
    if (failure != null) throw new BatchFailure(failures, failure);
  }

  /** Some records of a batch could not be mapped; the rest were written. */
  public static final class BatchFailure extends IllegalArgumentException {
    private final int failed;

    BatchFailure(int failed, IllegalArgumentException first) {
      super(failed + " record(s) could not be indexed, first: " + first.getMessage(), first);
      this.failed = failed;
    }

    public int failed() {
      return failed;
    }
  }

  private List<Optional<DocVector>> vectors(List<SourceDoc> docs, List<IndexSearcher> earlier)
      throws IOException {
    List<Optional<DocVector>> out = new ArrayList<>(docs.size());
    if (embedder.isEmpty()) {
      docs.forEach(d -> out.add(Optional.empty()));
      return out;
    }
    Embedder model = embedder.get();
    List<String> texts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    IndexSearcher own = searchers.acquire();
    try {
      for (int i = 0; i < docs.size(); i++) {
        String text = DocumentMapper.embeddingText(docs.get(i));
        String hash = DocumentMapper.vectorHash(model.id(), text);
        Optional<float[]> found = StoredVectors.find(own, docs.get(i).id(), hash);
        for (int j = 0; found.isEmpty() && j < earlier.size(); j++) {
          found = StoredVectors.find(earlier.get(j), docs.get(i).id(), hash);
        }
        out.add(found.map(v -> new DocVector(v, hash)));
        hashes.add(hash);
        if (found.isEmpty()) {
          missing.add(i);
          texts.add(text);
        }
      }
    } finally {
      searchers.release(own);
    }
    reused.addAndGet(docs.size() - missing.size());
    if (!missing.isEmpty()) {
      List<float[]> computed = model.embed(texts);
      for (int k = 0; k < missing.size(); k++) {
        int i = missing.get(k);
        out.set(i, Optional.of(new DocVector(computed.get(k), hashes.get(i))));
      }
      embedded.addAndGet(missing.size());
    }
    return out;
  }

  /** Whether records written through this store get dense vectors. */
  public boolean embeds() {
    return embedder.isPresent();
  }

  public VectorCounts vectorCounts() {
    return new VectorCounts(embedded.get(), reused.get());
  }

  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(Fields.ID, id));
  }

  /**
   * A durable commit point with the schema version in its user data; what it holds is visible to
   * searches when it returns (a blocking refresh: a plain one returns at once, unrefreshed, while
   * another thread is refreshing).
   */
  public void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(SchemaVersion.KEY, Integer.toString(SchemaVersion.CURRENT)).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  public void refresh() throws IOException {
    searchers.maybeRefresh();
  }

  /**
   * The live index was written with another schema (analysis, fields or document order): it is
   * rebuilt from the records, never opened.
   */
  public static final class StaleSchema extends IOException {
    StaleSchema(Path root, int found) {
      super(
          "the index in "
              + root
              + " was written with schema "
              + found
              + " and this version writes schema "
              + SchemaVersion.CURRENT
              + ": rebuild it with `fixfinder index`");
    }
  }

  /** The schema version of the last commit in {@code directory}; 0 when there is none. */
  private static int schemaOf(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) return 0;
    String v = SegmentInfos.readLatestCommit(directory).getUserData().get(SchemaVersion.KEY);
    return v == null ? 0 : Integer.parseInt(v);
  }

  /** The schema version of the last commit; 0 when the index has never been committed with one. */
  public int committedSchemaVersion() throws IOException {
    return schemaOf(directory);
  }

  public long count() {
    try {
      var searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SearcherManager searchers() {
    return searchers;
  }

  public Path path() {
    return path;
  }

  public long sizeBytes() {
    try (Stream<Path> files = Files.list(path)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
