package io.fixfinder.indexer.write;

import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.schema.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index on disk: one writer, one {@link SearcherManager} (near-real-time), commits carrying the
 * schema version. Index generations live in {@code index/<name>} folders and a pointer file {@code
 * index/CURRENT} names the live one; a rebuild writes a new generation aside and swaps the pointer
 * atomically, so a crash mid-rebuild leaves the old index serving.
 */
public final class IndexStore implements AutoCloseable {
  private static final String POINTER = "CURRENT";

  private final Path root;
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private IndexStore(Path root, Path path, int ramBufferMb) throws IOException {
    this.root = root;
    this.path = path;
    this.directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(true);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the live generation under {@code root}, creating an empty one if there is none. */
  public static IndexStore open(Path root, int ramBufferMb) throws IOException {
    Files.createDirectories(root);
    Optional<String> current = current(root);
    String name = current.orElse("gen-" + System.currentTimeMillis());
    IndexStore store = new IndexStore(root, root.resolve(name), ramBufferMb);
    if (current.isEmpty()) {
      store.commit();
      swapPointer(root, name);
    }
    return store;
  }

  /** Opens a fresh generation beside the live one; {@link #promote()} makes it live. */
  public static IndexStore openAside(Path root, int ramBufferMb) throws IOException {
    Files.createDirectories(root);
    return new IndexStore(root, root.resolve("gen-" + System.nanoTime()), ramBufferMb);
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

  /** Adds or replaces a record (by id). Visible to searches after {@link #refresh()}. */
  public void put(SourceDoc doc) throws IOException {
    writer.updateDocument(new Term(Fields.ID, doc.id()), DocumentMapper.toDocument(doc));
  }

  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(Fields.ID, id));
  }

  /** A durable commit point with the schema version in its user data. */
  public void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(SchemaVersion.KEY, Integer.toString(SchemaVersion.CURRENT)).entrySet());
    writer.commit();
    searchers.maybeRefresh();
  }

  public void refresh() throws IOException {
    searchers.maybeRefresh();
  }

  /** The schema version of the last commit; 0 when the index has never been committed with one. */
  public int committedSchemaVersion() throws IOException {
    if (!DirectoryReader.indexExists(directory)) return 0;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      String v = reader.getIndexCommit().getUserData().get(SchemaVersion.KEY);
      return v == null ? 0 : Integer.parseInt(v);
    }
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
