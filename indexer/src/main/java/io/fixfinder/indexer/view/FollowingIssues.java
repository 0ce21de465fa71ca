package io.fixfinder.indexer.view;

import io.fixfinder.indexer.cluster.ClusterSnapshot;
import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.write.GenerationFollower;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The issue clusters of the index generation being served. A rebuild writes its clusters into the
 * new generation; when a server moves to that generation, they are loaded before searches move and
 * swapped in right after, so the index and its clusters change together, without a restart. Only a
 * compact read-only {@link ClusterSnapshot} is kept: the writer's per-record state is not. A
 * generation without clusters (built before they moved there) falls back to the legacy folder.
 */
public final class FollowingIssues extends SwappedIssues implements GenerationFollower {
  private final Embedder embedder;
  private final Path legacy;

  /**
   * @param legacy the folder clusters were committed to before they lived in index generations
   */
  public FollowingIssues(Embedder embedder, Path legacy) {
    this.embedder = embedder;
    this.legacy = legacy;
  }

  @Override
  public Runnable prepare(Path generation) throws IOException {
    Path dir = ClusterStore.committedIn(generation) ? generation : legacy;
    IssueSource loaded =
        ClusterStore.committedIn(dir)
            ? new StoreIssues(ClusterSnapshot.load(dir, embedder))
            : IssueSource.none();
    return () -> serve(loaded);
  }
}
