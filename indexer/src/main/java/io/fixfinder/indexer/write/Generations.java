package io.fixfinder.indexer.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
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

  /** The name of the live generation under {@code root}, if there is one. */
  static Optional<String> current(Path root) throws IOException {
    Path pointer = root.resolve(POINTER);
    String name;
    try {
      name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
    if (name.isEmpty() || !Files.isDirectory(root.resolve(name))) return Optional.empty();
    return Optional.of(name);
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
