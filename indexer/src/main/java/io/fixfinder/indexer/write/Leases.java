package io.fixfinder.indexer.write;

import io.fixfinder.core.io.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may delete an index generation, across processes: a reader holds a shared lock on the
 * generation's lease file for as long as it reads it, and a generation is deleted only by whoever
 * can lock that file exclusively, which no reader then holds.
 *
 * <p>File locks belong to the whole JVM, and on POSIX closing any channel of a file drops every
 * lock the process holds on it; so the readers of one generation in one JVM share one channel,
 * counted, and nothing here opens a lease file that this JVM holds.
 */
final class Leases {
  /** The lease file in each generation folder (not an index file name, so Lucene leaves it be). */
  static final String FILE = "reading.lease";

  private static final Object LOCK = new Object();

  // guarded by LOCK: the lease files this JVM holds, with how many readers hold each
  private static final Map<Path, Held> HELD = new HashMap<>();

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private Leases() {}

  /** A shared lease on one generation; closing gives it up (once). */
  static final class Lease implements AutoCloseable {
    private final Path file;
    private boolean closed;

    private Lease(Path file) {
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      synchronized (LOCK) {
        if (closed) return;
        closed = true;
        Held held = HELD.get(file);
        if (held == null || --held.count > 0) return;
        HELD.remove(file);
        try {
          held.lock.release();
        } finally {
          held.channel.close();
        }
      }
    }
  }

  /**
   * Takes a shared lease on {@code generation}, waiting while a writer deletes it. The caller must
   * then check the generation is still live: one deleted just before the lease was taken is not.
   */
  static Lease acquire(Path generation) throws IOException {
    Path file = fileOf(generation);
    synchronized (LOCK) {
      Held held = HELD.get(file);
      if (held == null) {
        FileChannel channel =
            FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
          held = new Held(channel, channel.lock(0, Long.MAX_VALUE, true));
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        HELD.put(file, held);
      }
      held.count++;
    }
    return new Lease(file);
  }

  /** Whether this JVM holds a lease on {@code generation}. */
  static boolean heldHere(Path generation) {
    synchronized (LOCK) {
      return HELD.containsKey(fileOf(generation));
    }
  }

  /**
   * Deletes {@code generation} if no process reads it: true when it is gone. The caller makes sure
   * the generation is not the live one (a generation never becomes live again once replaced) and
   * not one a writer is still building.
   */
  static boolean removeIfUnread(Path generation) {
    Path file = fileOf(generation);
    synchronized (LOCK) {
      if (HELD.containsKey(file)) return false;
      try (FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
        if (lock == null) return false; // another process reads it
        // Deleted while locked: a reader that opened the file meanwhile locks a deleted file and
        // then finds its generation is not live.
        FileTrees.delete(generation);
        return true;
      } catch (OverlappingFileLockException | IOException e) {
        // gone already, or being deleted by another process: either way not ours to delete now
        return false;
      }
    }
  }

  private static Path fileOf(Path generation) {
    return generation.toAbsolutePath().normalize().resolve(FILE);
  }
}
