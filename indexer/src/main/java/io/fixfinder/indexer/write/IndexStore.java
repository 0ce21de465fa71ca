package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.DocVector;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.schema.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
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
 * The index on disk. Index generations live in {@code index/<name>} folders and a pointer file
 * {@code index/CURRENT} names the live one (see {@link Generations}).
 *
 * <p>A writing store ({@link #open}, {@link #openAside}) holds the root's write lock, one {@link
 * IndexWriter} and a near-real-time {@link SearcherManager}, and commits carry the schema version.
 * A rebuild writes a new generation aside and {@link #promote()}s it: the pointer is swapped
 * atomically, so a crash mid-rebuild leaves the old index serving, and the generations it replaced
 * are deleted once no process reads them.
 *
 * <p>A reading store ({@link #openReadOnly}) is what a server searches: no writer, no lock, nothing
 * written on close, so any number of processes can serve one data directory while an {@code index}
 * run writes the next generation. It follows the pointer, checked every second and on {@link
 * #refresh()}: a new generation is swapped in for the next searches while searches in flight finish
 * on the old one, which is let go when its last reader closes and deleted at the next check, off
 * the search path, unless another process still reads it. A generation that fails to open is tried
 * again after a pause (1 s, doubling up to 60 s); {@link #generationState()} tells how long the
 * store has lagged behind the pointer.
 *
 * <p>With an {@link Embedder}, every record also gets a dense vector of its title and opening text.
 * Records are embedded in batches ({@link #putAll}); a record whose text is unchanged keeps the
 * vector the index (or a previous generation, see {@link #putAll(List, List)}) already holds.
 */
public final class IndexStore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IndexStore.class.getName());

  /** How often a reading store checks the pointer for a new generation. */
  private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

  private final Path root;
  private final Optional<Writing> writing;
  private final SearcherManager searchers;
  private final Optional<Following> follow;
  private final Optional<ScheduledExecutorService> following;
  private final Optional<Embedder> embedder;
  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  /** Vectors computed and vectors reused since this store was opened. */
  public record VectorCounts(long embedded, long reused) {}

  /** What only a writing store has: the generation it writes, under the root's write lock. */
  private record Writing(
      Path path, Generations.WriteLock lock, Directory directory, IndexWriter writer)
      implements AutoCloseable {
    static Writing open(Path path, Generations.WriteLock lock, int ramBufferMb) throws IOException {
      Directory directory = FSDirectory.open(path);
      try {
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
        config.setRAMBufferSizeMB(ramBufferMb);
        config.setIndexSort(DocumentMapper.INDEX_ORDER);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setCommitOnClose(true);
        return new Writing(path, lock, directory, new IndexWriter(directory, config));
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      try (lock;
          directory) {
        writer.close();
      }
    }
  }

  private IndexStore(
      Path root,
      Optional<Writing> writing,
      SearcherManager searchers,
      Optional<Following> follow,
      Optional<ScheduledExecutorService> following,
      Optional<Embedder> embedder) {
    this.root = root;
    this.writing = writing;
    this.searchers = searchers;
    this.follow = follow;
    this.following = following;
    this.embedder = embedder;
  }

  /** A writing store on {@code path}; on failure the lock is released. */
  private static IndexStore writing(
      Path root,
      Path path,
      Generations.WriteLock lock,
      int ramBufferMb,
      Optional<Embedder> embedder)
      throws IOException {
    Writing w;
    try {
      w = Writing.open(path, lock, ramBufferMb);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      return new IndexStore(
          root,
          Optional.of(w),
          new SearcherManager(w.writer(), null),
          Optional.empty(),
          Optional.empty(),
          embedder);
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /**
   * Takes the write lock of {@code root} without writing a generation, until closed: a run that
   * writes its index elsewhere ({@code index --backend opensearch}) still keeps one writer per data
   * directory. Throws {@link WriterBusy} at once when another writer holds it.
   */
  public static java.io.Closeable lockWriters(Path root) throws IOException {
    Generations.WriteLock lock = Generations.lockForWriting(root);
    return lock::close;
  }

  /** Opens the live generation under {@code root} without embeddings (records get no vector). */
  public static IndexStore open(Path root, int ramBufferMb) throws IOException {
    return open(root, ramBufferMb, Optional.empty());
  }

  /**
   * Opens the live generation under {@code root} for writing, creating an empty one if there is
   * none; with an embedder, records written through this store get dense vectors. Throws {@link
   * WriterBusy} when another writer holds the root.
   */
  public static IndexStore open(Path root, int ramBufferMb, Optional<Embedder> embedder)
      throws IOException {
    Generations.WriteLock lock = Generations.lockForWriting(root);
    Optional<String> current;
    try {
      current = Generations.current(root);
      if (current.isPresent()) checkSchema(root, root.resolve(current.get()));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    Path path;
    try {
      path = current.isPresent() ? root.resolve(current.get()) : Generations.create(root);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    IndexStore store = writing(root, path, lock, ramBufferMb, embedder);
    if (current.isEmpty()) {
      try {
        store.commit();
        Generations.point(root, path.getFileName().toString());
      } catch (IOException | RuntimeException e) {
        store.close();
        throw e;
      }
    }
    return store;
  }

  /** Opens a fresh generation beside the live one; {@link #promote()} makes it live. */
  public static IndexStore openAside(Path root, int ramBufferMb) throws IOException {
    return openAside(root, ramBufferMb, Optional.empty());
  }

  /**
   * Opens a fresh generation beside the live one, embedding records when given an embedder. Throws
   * {@link WriterBusy} when another writer holds the root.
   */
  public static IndexStore openAside(Path root, int ramBufferMb, Optional<Embedder> embedder)
      throws IOException {
    Generations.WriteLock lock = Generations.lockForWriting(root);
    Path path;
    try {
      path = Generations.create(root);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return writing(root, path, lock, ramBufferMb, embedder);
  }

  /** As {@link #openReadOnly(Path, GenerationFollower)} with nothing kept beside the index. */
  public static IndexStore openReadOnly(Path root) throws IOException {
    return openReadOnly(root, GenerationFollower.NONE);
  }

  /**
   * Opens the live generation under {@code root} for serving: read only, following the pointer to
   * each new generation, with {@code follower} loading what belongs beside each. When there is no
   * index yet (no {@code CURRENT}), an empty generation is made first (briefly taking the write
   * lock, so this throws {@link WriterBusy} while an {@code index} run writes the first one). When
   * {@code CURRENT} names a generation that is missing or cannot be read, this throws {@link
   * Unservable}: a live index out of reach is never replaced by an empty one.
   */
  public static IndexStore openReadOnly(Path root, GenerationFollower follower) throws IOException {
    return openReadOnly(root, follower, System::nanoTime);
  }

  static IndexStore openReadOnly(Path root, GenerationFollower follower, LongSupplier nanos)
      throws IOException {
    if (pointerOf(root).isEmpty()) {
      try (IndexStore created = open(root, 16)) {
        // an empty live generation to serve until the first index run
      }
    }
    Following follow = new Following(root, follower, nanos);
    FollowingReader first = openFirst(root, follow);
    SearcherManager searchers;
    try {
      searchers = new SearcherManager(first, null);
    } catch (IOException | RuntimeException e) {
      first.close();
      throw e;
    }
    searchers.addListener(follow);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fixfinder-index-follow");
              t.setDaemon(true);
              return t;
            });
    long every = FOLLOW_EVERY.toMillis();
    timer.scheduleWithFixedDelay(
        () -> followQuietly(searchers, follow), every, every, TimeUnit.MILLISECONDS);
    return new IndexStore(
        root,
        Optional.empty(),
        searchers,
        Optional.of(follow),
        Optional.of(timer),
        Optional.empty());
  }

  private static Optional<String> pointerOf(Path root) throws Unservable {
    try {
      return Generations.pointer(root);
    } catch (IOException e) {
      throw new Unservable(root, Generations.POINTER + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The reader of the live generation a server starts on; one-line errors when there is none. */
  private static FollowingReader openFirst(Path root, Following follow) throws IOException {
    String named = pointerOf(root).orElse("");
    try {
      Optional<String> live = Generations.current(root);
      if (named.isEmpty()) throw new Unservable(root, Generations.POINTER + " is empty");
      if (live.isEmpty()) {
        throw new Unservable(
            root, Generations.POINTER + " names generation " + named + ", which is missing");
      }
      named = live.get();
      checkSchema(root, root.resolve(named));
      return follow.openLive();
    } catch (StaleSchema | Unservable e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new Unservable(
          root,
          Generations.POINTER
              + " names generation "
              + named
              + ", which cannot be read ("
              + String.valueOf(e.getMessage()).replace('\n', ' ')
              + ")");
    }
  }

  private static void followQuietly(SearcherManager searchers, Following follow) {
    try {
      searchers.maybeRefresh();
      follow.removeLeft();
    } catch (IOException | RuntimeException e) {
      // the generation served so far stays; the next check tries again
      LOG.log(System.Logger.Level.WARNING, "index: following CURRENT failed: " + e, e);
    }
  }

  private static void checkSchema(Path root, Path generation) throws IOException {
    try (Directory live = FSDirectory.open(generation)) {
      int schema = schemaOf(live);
      if (schema != SchemaVersion.CURRENT && DirectoryReader.indexExists(live)) {
        throw new StaleSchema(root, schema);
      }
    }
  }

  /** The folder of the live generation under {@code root}, if there is one. */
  public static Optional<Path> currentGeneration(Path root) throws IOException {
    return Generations.current(root).map(root::resolve);
  }

  /**
   * Commits, makes this generation live and deletes the generations it replaced that no process
   * reads (the others go when their last reader closes, or at the next promotion).
   */
  public void promote() throws IOException {
    Writing w = writing();
    commit();
    Generations.point(root, w.path().getFileName().toString());
    Generations.removeUnused(root, w.path());
  }

  private Writing writing() {
    return writing.orElseThrow(
        () -> new IllegalStateException("the index under " + root + " was opened read-only"));
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
    writing();
    if (docs.isEmpty()) return;
    Batch batch = prepare(docs, earlier);
    add(batch, replace);
    if (batch.failures() > 0) throw new BatchFailure(batch.failures(), batch.firstFailure().get());
  }

  /**
   * Records turned into documents, with their vectors, and not yet written: {@link #prepare} makes
   * one, {@link #addPrepared} writes it.
   *
   * @param ids the records' ids, one per document
   * @param failures records that could not be mapped (left out of {@code documents})
   */
  record Batch(
      List<String> ids,
      List<Document> documents,
      int failures,
      Optional<IllegalArgumentException> firstFailure) {
    /** The records the batch was made from, mapped or not. */
    int size() {
      return documents.size() + failures;
    }
  }

  /**
   * Maps {@code docs} to documents with their vectors (reused from this generation's last refreshed
   * view or from {@code earlier}, or embedded as one batch), without writing them. Safe on another
   * thread than the one adding documents: a rebuild prepares the next batch while the writer adds
   * the current one. What it finds to reuse in this generation is what the last {@link #commit()}
   * made visible, wherever it runs.
   */
  Batch prepare(List<SourceDoc> docs, List<IndexSearcher> earlier) throws IOException {
    List<Optional<DocVector>> vectors = vectors(docs, earlier);
    List<String> ids = new ArrayList<>(docs.size());
    List<Document> documents = new ArrayList<>(docs.size());
    IllegalArgumentException failure = null;
    int failures = 0;
    for (int i = 0; i < docs.size(); i++) {
      try {
        documents.add(DocumentMapper.toDocument(docs.get(i), vectors.get(i)));
        ids.add(docs.get(i).id());
      } catch (IllegalArgumentException e) {
        failures++;
        if (failure == null) failure = e;
      }
    }
    return new Batch(ids, documents, failures, Optional.ofNullable(failure));
  }

  /**
   * Adds a prepared batch of records known to be new to this generation, in order, without first
   * deleting by id (as {@link #addAll}); its unmappable records are the caller's to count.
   */
  void addPrepared(Batch batch) throws IOException {
    add(batch, false);
  }

  private void add(Batch batch, boolean replace) throws IOException {
    IndexWriter writer = writing().writer();
    for (int i = 0; i < batch.documents().size(); i++) {
      Document document = batch.documents().get(i);
      if (replace) writer.updateDocument(new Term(Fields.ID, batch.ids().get(i)), document);
      else writer.addDocument(document);
    }
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
    writing().writer().deleteDocuments(new Term(Fields.ID, id));
  }

  /**
   * A durable commit point with the schema version in its user data; what it holds is visible to
   * searches when it returns (a blocking refresh: a plain one returns at once, unrefreshed, while
   * another thread is refreshing).
   */
  public void commit() throws IOException {
    IndexWriter writer = writing().writer();
    writer.setLiveCommitData(
        Map.of(SchemaVersion.KEY, Integer.toString(SchemaVersion.CURRENT)).entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /**
   * Makes what was written visible to searches (a writing store), or moves to the live generation
   * if the pointer names a new one and deletes the generations no search holds any more (a reading
   * store); returns when done.
   */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
    follow.ifPresent(Following::removeLeft);
  }

  /**
   * The live index was written with another schema (analysis, fields or document order): it is
   * rebuilt from the records, never opened.
   */
  public static final class StaleSchema extends IOException {
    StaleSchema(Path root, int found) {
      this(root.toString(), found);
    }

    /**
     * An index held elsewhere (another backend's: {@code where} names it, e.g. an OpenSearch index
     * and its cluster), refused with the same message.
     */
    public StaleSchema(String where, int found) {
      super(
          "the index in "
              + where
              + " was written with schema "
              + found
              + " and this version writes schema "
              + SchemaVersion.CURRENT
              + ": rebuild it with `fixfinder index`");
    }
  }

  /**
   * The live index cannot be served: {@code CURRENT} names a generation that is missing or
   * unreadable (a restore in progress, a disk not mounted); a server refuses to start rather than
   * serve nothing.
   */
  public static final class Unservable extends IOException {
    Unservable(Path root, String why) {
      super(
          "the index in "
              + root
              + " cannot be served: "
              + why
              + "; restore it or rebuild it with `fixfinder index`");
    }
  }

  /** Another writer (in this process or another) holds the index root's write lock. */
  public static final class WriterBusy extends IOException {
    WriterBusy(Path root) {
      super("another fixfinder index is writing " + root + "; wait for it to finish");
    }
  }

  /** The schema version of the last commit in {@code directory}; 0 when there is none. */
  static int schemaOf(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) return 0;
    String v = SegmentInfos.readLatestCommit(directory).getUserData().get(SchemaVersion.KEY);
    return v == null ? 0 : Integer.parseInt(v);
  }

  /** The schema version of the last commit; 0 when the index has never been committed with one. */
  public int committedSchemaVersion() throws IOException {
    if (writing.isPresent()) return schemaOf(writing.get().directory());
    IndexSearcher searcher = searchers.acquire();
    try {
      return schemaOf(served(searcher).directory());
    } finally {
      searchers.release(searcher);
    }
  }

  private static ReadGeneration served(IndexSearcher searcher) {
    return ((FollowingReader) searcher.getIndexReader()).generation();
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

  /**
   * The searchers of this store: of the generation it writes, or of the live generation it follows.
   * Acquire, search, release; a refresh may swap in another generation between two acquires, never
   * during one.
   */
  public SearcherManager searchers() {
    return searchers;
  }

  /**
   * Which generation a store searches and which one {@code CURRENT} names ("" when none), with how
   * long a reading store has searched another than the named one (zero for a writing store).
   */
  public record GenerationState(String served, String current, Duration behindFor) {
    /** How long a server may lag behind {@code CURRENT} before it reports itself degraded. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    /** Whether the generation searched is not the one {@code CURRENT} names. */
    public boolean behind() {
      return !served.equals(current);
    }

    /**
     * Whether the server has lagged for longer than {@link #STUCK_AFTER}: refused generations are
     * retried every minute at most, so by then it is not a passing failure.
     */
    public boolean stuck() {
      return behind() && behindFor.compareTo(STUCK_AFTER) > 0;
    }
  }

  /** The state of the generation served (or written) against {@code CURRENT}. */
  public GenerationState generationState() {
    String served = path().getFileName().toString();
    if (follow.isEmpty()) return new GenerationState(served, served, Duration.ZERO);
    String current;
    try {
      current = Generations.pointer(root).orElse("");
    } catch (IOException e) {
      current = ""; // unreadable: behind whatever it names
    }
    Duration behindFor = served.equals(current) ? Duration.ZERO : follow.get().behindFor();
    return new GenerationState(served, current, behindFor);
  }

  /** The folder of the generation written, or of the generation served right now. */
  public Path path() {
    if (writing.isPresent()) return writing.get().path();
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return served(searcher).path();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes of the generation written or served; 0 when it cannot be listed. */
  public long sizeBytes() {
    try (Stream<Path> files = Files.list(path())) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Stops following, closes the searchers (searches in flight finish first) and the writer. */
  @Override
  public void close() throws IOException {
    if (following.isPresent()) {
      following.get().shutdownNow();
      try {
        following.get().awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      searchers.close();
      follow.ifPresent(Following::removeLeft);
    } finally {
      if (writing.isPresent()) writing.get().close();
    }
  }
}
