package io.fixfinder.indexer.write;

import io.fixfinder.indexer.schema.SchemaVersion;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;

/**
 * How a serving process follows {@code CURRENT}: opens the generation the pointer names, prepares
 * what the {@link GenerationFollower} keeps beside it, and publishes that once the searcher manager
 * has swapped to the new reader. A generation that cannot be served (another schema, unreadable) is
 * reported once and skipped; the process keeps serving the one it has.
 */
final class Following implements ReferenceManager.RefreshListener {
  private static final System.Logger LOG = System.getLogger(Following.class.getName());

  private final Path root;
  private final GenerationFollower follower;
  private final AtomicReference<Runnable> pending = new AtomicReference<>();
  private final Queue<Path> left = new ConcurrentLinkedQueue<>();
  private volatile String refused = "";

  Following(Path root, GenerationFollower follower) {
    this.root = root;
    this.follower = follower;
  }

  /** A reader of the live generation, with what the follower keeps beside it published. */
  FollowingReader openLive() throws IOException {
    ReadGeneration generation =
        ReadGeneration.openLive(root, left::add)
            .orElseThrow(() -> new IOException("no index generation under " + root));
    FollowingReader reader = open(generation);
    pending.getAndSet(null).run();
    return reader;
  }

  /**
   * Deletes the generations this process has let go of, unless another process still reads them
   * (that one deletes them when it lets go, or the next {@code index} run does).
   */
  void removeLeft() {
    for (Path generation; (generation = left.poll()) != null; ) {
      if (!Generations.isLive(root, generation.getFileName().toString())) {
        Leases.removeIfUnread(generation);
      }
    }
  }

  boolean isLive(String name) {
    return Generations.isLive(root, name);
  }

  /** A reader of the live generation if it is another than {@code served} and can be served. */
  Optional<FollowingReader> openIfMoved(String served) throws IOException {
    Optional<String> live = Generations.current(root);
    if (live.isEmpty() || live.get().equals(served) || live.get().equals(refused)) {
      return Optional.empty();
    }
    Optional<ReadGeneration> generation = ReadGeneration.openLive(root, left::add);
    if (generation.isEmpty()) return Optional.empty();
    try {
      return Optional.of(open(generation.get()));
    } catch (IOException | RuntimeException e) {
      refused = generation.get().name();
      LOG.log(
          Level.WARNING,
          "index generation {0} is not served ({1}); still serving {2}",
          refused,
          e.getMessage(),
          served);
      return Optional.empty();
    }
  }

  /** Opens a reader on {@code generation}, taking over its hold, and prepares its follower. */
  private FollowingReader open(ReadGeneration generation) throws IOException {
    try {
      int schema = IndexStore.schemaOf(generation.directory());
      if (schema != SchemaVersion.CURRENT) {
        throw new IOException(
            "written with schema " + schema + ", this version reads " + SchemaVersion.CURRENT);
      }
      DirectoryReader in = DirectoryReader.open(generation.directory());
      try {
        Runnable publish = follower.prepare(generation.path());
        FollowingReader reader = new FollowingReader(in, generation, this);
        pending.set(publish);
        return reader;
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      generation.release();
      throw e;
    }
  }

  @Override
  public void beforeRefresh() {}

  @Override
  public void afterRefresh(boolean didRefresh) {
    Runnable publish = pending.getAndSet(null);
    if (publish != null && didRefresh) publish.run(); // else the swap failed: keep what is shown
  }
}
