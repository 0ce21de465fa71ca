package io.fixfinder.indexer.write;

import io.fixfinder.indexer.schema.SchemaVersion;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;

/**
 * How a serving process follows {@code CURRENT}: opens the generation the pointer names, prepares
 * what the {@link GenerationFollower} keeps beside it, and publishes that once the searcher manager
 * has swapped to the new reader. A generation that cannot be served (another schema, unreadable,
 * its follower failed) is reported and retried with a growing pause, since the cause may pass (a
 * file-descriptor limit, a failed read); meanwhile the process keeps serving the one it has and
 * tells since when it is behind the pointer.
 */
final class Following implements ReferenceManager.RefreshListener {
  private static final System.Logger LOG = System.getLogger(Following.class.getName());

  private final Path root;
  private final GenerationFollower follower;
  private final AtomicReference<Runnable> pending = new AtomicReference<>();
  private final Queue<Path> left = new ConcurrentLinkedQueue<>();

  /** The first pause before trying a refused generation again; doubled up to {@link #MAX_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration MAX_PAUSE = Duration.ofSeconds(60);

  private final LongSupplier nanos;

  // written only by the refresh (the searcher manager runs one at a time), read by anyone
  private volatile String refused = "";
  private volatile Duration pause = FIRST_PAUSE;
  private volatile long retryAt;
  private volatile OptionalLong behindSince = OptionalLong.empty();

  Following(Path root, GenerationFollower follower, LongSupplier nanos) {
    this.root = root;
    this.follower = follower;
    this.nanos = nanos;
  }

  /**
   * How long the process has served another generation than the pointer names, as of the last
   * check; zero when it serves the live one.
   */
  Duration behindFor() {
    OptionalLong since = behindSince;
    return since.isEmpty()
        ? Duration.ZERO
        : Duration.ofNanos(nanos.getAsLong() - since.getAsLong());
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

  /**
   * A reader of the live generation if it is another than {@code served} and can be served; a
   * generation that could not is tried again once its pause is over.
   */
  Optional<FollowingReader> openIfMoved(String served) throws IOException {
    Optional<String> named = Generations.pointer(root);
    if (named.isEmpty() || named.get().equals(served)) {
      behindSince = OptionalLong.empty();
      return Optional.empty();
    }
    long now = nanos.getAsLong();
    if (behindSince.isEmpty()) behindSince = OptionalLong.of(now);
    if (named.get().equals(refused) && now - retryAt < 0) return Optional.empty();
    Optional<ReadGeneration> generation = ReadGeneration.openLive(root, left::add);
    if (generation.isEmpty()) return Optional.empty(); // it names no folder: nothing to try
    String name = generation.get().name();
    try {
      FollowingReader reader = open(generation.get());
      refused = "";
      pause = FIRST_PAUSE;
      return Optional.of(reader);
    } catch (IOException | RuntimeException e) {
      pause = name.equals(refused) ? min(pause.multipliedBy(2), MAX_PAUSE) : FIRST_PAUSE;
      refused = name;
      retryAt = nanos.getAsLong() + pause.toNanos();
      LOG.log(
          Level.WARNING,
          "index generation {0} is not served ({1}); still serving {2}, trying again in {3} s",
          name,
          e.getMessage(),
          served,
          pause.toSeconds());
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
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
