package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.progress.Progress;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.DocumentMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Builds an index from records: a whole new generation, swapped in when complete. */
public final class Indexer {
  /**
   * Records written as one run, best prior first, then committed. Search bounds each block of
   * documents by its largest prior ({@code PriorBoostQuery}); in prior order most blocks hold only
   * ordinary priors and are pruned as if there were none. Runs keep memory bounded (one run of
   * records at a time) while spanning several of the index's 4,096-document blocks.
   */
  static final int RUN = 32_768;

  /**
   * Records per batch: the embedder sees this many texts at once (spread over its threads), which
   * is several times faster than one text at a time.
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

  /**
   * What else a rebuild writes into the new generation before it goes live (the issue clusters), so
   * a server moving to the generation finds it complete.
   */
  @FunctionalInterface
  public interface BeforePromote {
    BeforePromote NOTHING = (generation, previous) -> {};

    /**
     * Writes into {@code generation} (the new folder), given the previous live generation's folder
     * if there is one. Throwing leaves the old generation live.
     */
    void write(Path generation, Optional<Path> previous) throws IOException;
  }

  /** As {@link #rebuild(Path, int, Optional, Collection, PrintStream)} without embeddings. */
  public static Report rebuild(
      Path root, int ramBufferMb, Collection<SourceDoc> docs, PrintStream progressOut)
      throws IOException {
    return rebuild(root, ramBufferMb, Optional.empty(), docs, progressOut);
  }

  /** As {@link #rebuild(Path, int, Optional, Collection, PrintStream, BeforePromote)}. */
  public static Report rebuild(
      Path root,
      int ramBufferMb,
      Optional<Embedder> embedder,
      Collection<SourceDoc> docs,
      PrintStream progressOut)
      throws IOException {
    return rebuild(root, ramBufferMb, embedder, docs, progressOut, BeforePromote.NOTHING);
  }

  /**
   * Indexes every record into a new generation under {@code root} and makes it live. Records are
   * written in runs of {@value #RUN}, each in order of prior, best first, and committed; a record
   * that cannot be mapped is counted, not fatal. With an embedder, records are embedded in batches
   * of {@value #BATCH}; a record whose embedded text is unchanged since the previous generation
   * keeps its vector. A helper thread makes each batch's documents (vectors and mapping) while this
   * thread adds the previous batch's, in order (see {@link Preparing}). The records must have
   * distinct ids (a record-log snapshot has): they are added, not replaced by id. {@code before}
   * writes what belongs beside the index into the new generation before it goes live. Throws {@link
   * IndexStore.WriterBusy} while another writer holds {@code root}.
   */
  public static Report rebuild(
      Path root,
      int ramBufferMb,
      Optional<Embedder> embedder,
      Collection<SourceDoc> docs,
      PrintStream progressOut,
      BeforePromote before)
      throws IOException {
    return rebuild(root, ramBufferMb, embedder, docs, progressOut, before, Preparing.AHEAD);
  }

  /**
   * Where a batch's documents are made (records mapped, vectors reused or embedded): on the
   * writer's thread just before they are added, or {@link #AHEAD} on a helper thread while the
   * writer adds the previous batch. Either way one thread adds every document, in the same order,
   * so the index is the same (the segments, their documents' order and their vector graphs); ahead
   * takes the mapping off the writer's thread, which Lucene's own work (analysis, postings, HNSW
   * insertion) keeps busy.
   */
  enum Preparing {
    INLINE,
    AHEAD
  }

  static Report rebuild(
      Path root,
      int ramBufferMb,
      Optional<Embedder> embedder,
      Collection<SourceDoc> docs,
      PrintStream progressOut,
      BeforePromote before,
      Preparing preparing)
      throws IOException {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    long failed = 0;
    try (IndexStore store = IndexStore.openAside(root, ramBufferMb, embedder);
        Previous earlier =
            Previous.open(
                embedder.isPresent() ? IndexStore.currentGeneration(root) : Optional.empty());
        Progress progress =
            new Progress(
                "index",
                "docs",
                done::get,
                () -> docs.size() - done.get(),
                progressOut,
                Duration.ofSeconds(2));
        Batches batches = new Batches(store, earlier, preparing)) {
      List<SourceDoc> run = new ArrayList<>(Math.min(RUN, Math.max(1, docs.size())));
      for (SourceDoc doc : docs) {
        run.add(doc);
        if (run.size() == RUN) {
          failed += writeRun(store, run, batches, done);
          run.clear();
        }
      }
      failed += writeRun(store, run, batches, done);
      before.write(store.path(), IndexStore.currentGeneration(root));
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

  /** Writes one run in order of prior, best first (ties keep their order), and commits it. */
  private static long writeRun(
      IndexStore store, List<SourceDoc> run, Batches batches, AtomicLong done) throws IOException {
    float[] priors = new float[run.size()];
    Integer[] order = new Integer[run.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      priors[i] = DocumentMapper.prior(run.get(i));
    }
    Arrays.sort(order, (a, b) -> Float.compare(priors[b], priors[a]));
    List<List<SourceDoc>> split = new ArrayList<>();
    for (int from = 0; from < order.length; from += BATCH) {
      List<SourceDoc> batch = new ArrayList<>(BATCH);
      for (int k = from; k < Math.min(order.length, from + BATCH); k++)
        batch.add(run.get(order[k]));
      split.add(batch);
    }
    long failed = 0;
    if (!split.isEmpty()) {
      Batches.Pending next = batches.prepare(split.getFirst());
      for (int b = 0; b < split.size(); b++) {
        IndexStore.Batch batch = next.get();
        // the next batch is made while this one is added; not beyond the run, whose commit
        // changes what this generation's view offers for reuse
        if (b + 1 < split.size()) next = batches.prepare(split.get(b + 1));
        store.addPrepared(batch);
        failed += batch.failures();
        done.addAndGet(batch.size());
      }
    }
    store.commit();
    return failed;
  }

  /** Makes batches of documents, inline or on a helper thread (see {@link Preparing}). */
  private static final class Batches implements AutoCloseable {
    private final IndexStore store;
    private final Previous earlier;
    private final Optional<ExecutorService> helper;

    /** A batch being made, or made. */
    interface Pending {
      IndexStore.Batch get() throws IOException;
    }

    Batches(IndexStore store, Previous earlier, Preparing preparing) {
      this.store = store;
      this.earlier = earlier;
      this.helper =
          preparing == Preparing.AHEAD
              ? Optional.of(
                  Executors.newSingleThreadExecutor(
                      r -> {
                        Thread t = new Thread(r, "fixfinder-index-prepare");
                        t.setDaemon(true);
                        return t;
                      }))
              : Optional.empty();
    }

    Pending prepare(List<SourceDoc> batch) throws IOException {
      if (helper.isEmpty()) {
        IndexStore.Batch made = store.prepare(batch, earlier.searchers());
        return () -> made;
      }
      Future<IndexStore.Batch> made =
          helper.get().submit(() -> store.prepare(batch, earlier.searchers()));
      return () -> {
        try {
          return made.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while a batch was prepared");
        } catch (ExecutionException e) {
          switch (e.getCause()) {
            case IOException io -> throw io;
            case RuntimeException r -> throw r;
            case Error error -> throw error;
            default -> throw new IOException(e.getCause());
          }
        }
      };
    }

    /** Waits for a batch still being made (after a failure), then stops the helper. */
    @Override
    public void close() {
      helper.ifPresent(ExecutorService::close);
    }
  }

  /**
   * The previous generation, read only under a lease (so the promotion leaves it be), while a
   * rebuild looks for vectors to reuse; removed on close if nobody else reads it.
   */
  private record Previous(
      Optional<Path> path,
      Optional<Leases.Lease> lease,
      Optional<Directory> directory,
      Optional<DirectoryReader> reader,
      List<IndexSearcher> searchers)
      implements AutoCloseable {
    static final Previous NONE =
        new Previous(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    static Previous open(Optional<Path> path) {
      if (path.isEmpty()) return NONE;
      Leases.Lease lease = null;
      Directory dir = null;
      try {
        lease = Leases.acquire(path.get());
        dir = FSDirectory.open(path.get());
        if (!DirectoryReader.indexExists(dir)) {
          dir.close();
          lease.close();
          return NONE;
        }
        DirectoryReader reader = DirectoryReader.open(dir);
        return new Previous(
            path,
            Optional.of(lease),
            Optional.of(dir),
            Optional.of(reader),
            List.of(new IndexSearcher(reader)));
      } catch (IOException e) {
        // an unreadable previous generation only means embedding everything again
        try {
          if (dir != null) dir.close();
          if (lease != null) lease.close();
        } catch (IOException ignored) {
          // nothing more to release
        }
        return NONE;
      }
    }

    @Override
    public void close() throws IOException {
      try {
        if (reader.isPresent()) reader.get().close();
        if (directory.isPresent()) directory.get().close();
      } finally {
        if (lease.isPresent()) lease.get().close();
      }
      if (path.isEmpty()) return;
      Path root = path.get().getParent();
      if (!Generations.isLive(root, path.get().getFileName().toString())) {
        Leases.removeIfUnread(path.get());
      }
    }
  }
}
