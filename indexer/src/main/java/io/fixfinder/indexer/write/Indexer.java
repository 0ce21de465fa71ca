package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.indexer.embed.Embedder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Builds an index from records: a whole new generation, swapped in when complete. */
public final class Indexer {
  private static final int COMMIT_EVERY = 10_000;

  /**
   * Records per batch: the embedder sees this many texts at once (spread over its threads), which
   * is several times faster than one text at a time. Divides {@link #COMMIT_EVERY}.
   */
  static final int BATCH = 128;

  /**
   * What a build did.
   *
   * @param embedded vectors computed by the embedder
   * @param reused vectors taken from the previous generation because the text was unchanged
   */
  public record Report(long indexed, long failed, long embedded, long reused, Duration took) {}

  private Indexer() {}

  /** As {@link #rebuild(Path, int, Optional, Collection, PrintStream)} without embeddings. */
  public static Report rebuild(
      Path root, int ramBufferMb, Collection<SourceDoc> docs, PrintStream progressOut)
      throws IOException {
    return rebuild(root, ramBufferMb, Optional.empty(), docs, progressOut);
  }

  /**
   * Indexes every record into a new generation under {@code root} and makes it live. Commits at
   * safe points every {@value #COMMIT_EVERY} records; a record that cannot be mapped is counted,
   * not fatal. With an embedder, records are embedded in batches of {@value #BATCH}; a record whose
   * embedded text is unchanged since the previous generation keeps its vector. The records must
   * have distinct ids (a record-log snapshot has): they are added, not replaced by id.
   */
  public static Report rebuild(
      Path root,
      int ramBufferMb,
      Optional<Embedder> embedder,
      Collection<SourceDoc> docs,
      PrintStream progressOut)
      throws IOException {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    long failed = 0;
    Optional<Path> previous =
        embedder.isPresent() ? IndexStore.currentGeneration(root) : Optional.empty();
    try (IndexStore store = IndexStore.openAside(root, ramBufferMb, embedder);
        Previous earlier = Previous.open(previous);
        Progress progress =
            new Progress(
                "index",
                "docs",
                done::get,
                () -> docs.size() - done.get(),
                progressOut,
                Duration.ofSeconds(2))) {
      List<SourceDoc> batch = new ArrayList<>(BATCH);
      for (SourceDoc doc : docs) {
        batch.add(doc);
        if (batch.size() == BATCH) {
          failed += write(store, batch, earlier);
          if (done.addAndGet(batch.size()) % COMMIT_EVERY == 0) store.commit();
          batch.clear();
        }
      }
      failed += write(store, batch, earlier);
      done.addAndGet(batch.size());
      store.promote();
      IndexStore.VectorCounts counts = store.vectorCounts();
      return new Report(
          done.get() - failed,
          failed,
          counts.embedded(),
          counts.reused(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static long write(IndexStore store, List<SourceDoc> batch, Previous earlier)
      throws IOException {
    try {
      store.addAll(batch, earlier.searchers()); // a fresh generation, one record per id
      return 0;
    } catch (IndexStore.BatchFailure e) {
      return e.failed();
    }
  }

  /** The previous generation, read only, while a rebuild looks for vectors to reuse. */
  private record Previous(
      Optional<Directory> directory,
      Optional<DirectoryReader> reader,
      List<IndexSearcher> searchers)
      implements AutoCloseable {
    static final Previous NONE = new Previous(Optional.empty(), Optional.empty(), List.of());

    static Previous open(Optional<Path> path) {
      if (path.isEmpty()) return NONE;
      Directory dir = null;
      try {
        dir = FSDirectory.open(path.get());
        if (!DirectoryReader.indexExists(dir)) {
          dir.close();
          return NONE;
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        return new Previous(
            Optional.of(dir), Optional.of(reader), List.of(new IndexSearcher(reader)));
      } catch (IOException e) {
        // an unreadable previous generation only means embedding everything again
        try {
          if (dir != null) dir.close();
        } catch (IOException ignored) {
          // nothing more to release
        }
        return NONE;
      }
    }

    @Override
    public void close() throws IOException {
      if (reader.isPresent()) reader.get().close();
      if (directory.isPresent()) directory.get().close();
    }
  }
}
