package io.fixfinder.indexer.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The generations under an index root: a folder each, the pointer file {@code CURRENT} naming the
 * live one, and {@code write.lock}, which every writer holds, so one process at a time writes
 * generations, moves the pointer and clears old generations. Readers take no part in the lock.
 */
final class Generations {
  static final String POINTER = "CURRENT";
  static final String WRITE_LOCK = "write.lock";

  private Generations() {}

  /**
   * The name of the live generation under {@code root}, if there is one: empty when there is no
   * pointer or it names no folder (see {@link #pointer} to tell the two apart).
   */
  static Optional<String> current(Path root) throws IOException {
    Optional<String> name = pointer(root).filter(n -> !n.isEmpty());
    while (name.isPresent() && !Files.isDirectory(root.resolve(name.get()))) {
      // a writer may have moved the pointer and deleted the folder since it was read
      Optional<String> again = pointer(root).filter(n -> !n.isEmpty());
      if (again.equals(name)) return Optional.empty();
      name = again;
    }
    return name;
  }

  /**
   * What the pointer names, whether or not that folder exists ("" for an empty pointer, which no
   * writer leaves); empty only when there is no pointer.
   */
  static Optional<String> pointer(Path root) throws IOException {
    try {
      return Optional.of(Files.readString(root.resolve(POINTER), StandardCharsets.UTF_8).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates the folder of a new generation under {@code root}, never one that exists: a name of the
   * creation time (so names sort by age when listed) and a random suffix, redrawn on a collision.
   */
  static Path create(Path root) throws IOException {
    return create(root, System::currentTimeMillis, ThreadLocalRandom.current());
  }

  static Path create(Path root, LongSupplier millis, RandomGenerator random) throws IOException {
    Files.createDirectories(root);
    for (int attempt = 0; ; attempt++) {
      String name = String.format("gen-%013d-%08x", millis.getAsLong(), random.nextInt());
      try {
        return Files.createDirectory(root.resolve(name));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) throw e; // not chance any more: something else is wrong
      }
    }
  }

  /** Whether {@code name} is the live generation; an unreadable pointer counts as yes (keep it). */
  static boolean isLive(Path root, String name) {
    try {
      return current(root).map(name::equals).orElse(false);
    } catch (IOException e) {
      return true;
    }
  }

  /** Makes {@code name} live: the pointer is replaced atomically, readers see old or new. */
  static void point(Path root, String name) throws IOException {
    Path tmp = root.resolve(POINTER + ".tmp");
    Files.writeString(tmp, name, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        root.resolve(POINTER),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Deletes every generation but the live one and {@code keep} that no process reads; the ones
   * still read are deleted by their last reader or the next writer. Only under the write lock: it
   * also clears generations a killed writer left half-built.
   */
  static void removeUnused(Path root, Path keep) throws IOException {
    Optional<String> live = current(root);
    List<Path> dirs;
    try (Stream<Path> entries = Files.list(root)) {
      dirs = entries.filter(Files::isDirectory).toList();
    }
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      if (dir.equals(keep) || live.map(name::equals).orElse(false)) continue;
      Leases.removeIfUnread(dir);
    }
  }

  /** The write lock of an index root; closing releases it. */
  static final class WriteLock implements AutoCloseable {
    private final Directory directory;
    private final Lock lock;

    private WriteLock(Directory directory, Lock lock) {
      this.directory = directory;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.close();
      } finally {
        directory.close();
      }
    }
  }

  /** Takes the write lock of {@code root} or throws {@link IndexStore.WriterBusy} at once. */
  static WriteLock lockForWriting(Path root) throws IOException {
    Files.createDirectories(root);
    Directory directory = FSDirectory.open(root);
    try {
      return new WriteLock(directory, directory.obtainLock(WRITE_LOCK));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexStore.WriterBusy(root);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }
}
