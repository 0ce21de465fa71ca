package io.fixfinder.indexer.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One generation opened for reading: its folder, its directory and a lease that keeps writers from
 * deleting it. Shared by the readers of its successive commits and counted; the last release closes
 * the directory, gives up the lease and, if the generation is no longer live, hands it to {@code
 * left}, which deletes it off the search path once no other process reads it.
 */
final class ReadGeneration {
  /** Attempts at leasing the live generation while writers keep replacing it. */
  private static final int ATTEMPTS = 10;

  private final Path root;
  private final String name;
  private final Directory directory;
  private final Leases.Lease lease;
  private final Consumer<Path> left;
  private final AtomicInteger refs = new AtomicInteger(1);

  private ReadGeneration(
      Path root, String name, Directory directory, Leases.Lease lease, Consumer<Path> left) {
    this.root = root;
    this.name = name;
    this.directory = directory;
    this.lease = lease;
    this.left = left;
  }

  /**
   * Leases and opens the live generation under {@code root}; empty when there is none. A lease is
   * kept only once the pointer, read again under it, still names the generation: a writer deletes
   * only generations that are no longer live, and a generation never becomes live again.
   */
  static Optional<ReadGeneration> openLive(Path root, Consumer<Path> left) throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<String> live = Generations.current(root);
      if (live.isEmpty()) return Optional.empty();
      Path path = root.resolve(live.get());
      Leases.Lease lease;
      try {
        lease = Leases.acquire(path);
      } catch (java.nio.file.NoSuchFileException e) {
        continue; // replaced and deleted between reading the pointer and leasing
      }
      if (!Generations.current(root).equals(live)) {
        lease.close();
        Leases.removeIfUnread(path);
        continue;
      }
      try {
        return Optional.of(
            new ReadGeneration(root, live.get(), FSDirectory.open(path), lease, left));
      } catch (IOException | RuntimeException e) {
        lease.close();
        throw e;
      }
    }
    throw new IOException("the live generation under " + root + " kept changing while opening it");
  }

  String name() {
    return name;
  }

  Path path() {
    return root.resolve(name);
  }

  Directory directory() {
    return directory;
  }

  void retain() {
    refs.incrementAndGet();
  }

  /**
   * Gives up one reader's hold; the last one closes the generation and, if it was replaced, hands
   * it over for deletion (the last release may come from a search, which should not pay for it).
   */
  void release() throws IOException {
    if (refs.decrementAndGet() > 0) return;
    try {
      directory.close();
    } finally {
      lease.close();
      if (!Generations.isLive(root, name)) left.accept(path());
    }
  }
}
