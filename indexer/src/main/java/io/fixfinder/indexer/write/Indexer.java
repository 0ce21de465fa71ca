package io.fixfinder.indexer.write;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.progress.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** Builds an index from records: a whole new generation, swapped in when complete. */
public final class Indexer {
  private static final int COMMIT_EVERY = 10_000;

  /** What a build did. */
  public record Report(long indexed, long failed, Duration took) {}

  private Indexer() {}

  /**
   * Indexes every record into a new generation under {@code root} and makes it live. Commits at
   * safe points every {@value #COMMIT_EVERY} records; a record that cannot be mapped is counted,
   * not fatal.
   */
  public static Report rebuild(
      Path root, int ramBufferMb, Collection<SourceDoc> docs, PrintStream progressOut)
      throws IOException {
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    long failed = 0;
    try (IndexStore store = IndexStore.openAside(root, ramBufferMb);
        Progress progress =
            new Progress(
                "index",
                "docs",
                done::get,
                () -> docs.size() - done.get(),
                progressOut,
                Duration.ofSeconds(2))) {
      for (SourceDoc doc : docs) {
        try {
          store.put(doc);
        } catch (IllegalArgumentException e) {
          failed++;
        }
        if (done.incrementAndGet() % COMMIT_EVERY == 0) store.commit();
      }
      store.promote();
    }
    return new Report(done.get() - failed, failed, Duration.ofNanos(System.nanoTime() - start));
  }
}
