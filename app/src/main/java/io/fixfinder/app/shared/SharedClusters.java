package io.fixfinder.app.shared;

import io.fixfinder.indexer.cluster.ClusterStore;
import io.fixfinder.store.clusters.ClusterGenerations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The writer's side of the issue clusters kept in the store: an {@code index} run on OpenSearch
 * starts from the newest published generation (so cluster ids stay stable whichever machine ran the
 * last one) and publishes its own when done. The bytes are the indexer's committed cluster file;
 * the store neither reads nor changes them.
 */
public final class SharedClusters {
  private final ClusterGenerations generations;

  public SharedClusters(ClusterGenerations generations) {
    this.generations = generations;
  }

  /**
   * Writes the newest published generation into {@code dir} as the commit a {@link ClusterStore}
   * opened there goes on from; empty when none was published (the caller may start from a local
   * commit instead).
   */
  public Optional<ClusterGenerations.Published> restoreNewest(Path dir) throws IOException {
    Optional<ClusterGenerations.Published> newest = generations.latest();
    if (newest.isEmpty()) return newest;
    ClusterGenerations.Published p = newest.get();
    try (InputStream in = generations.open(p)) {
      ClusterStore.restoreCommit(in, p.sizeBytes(), describe(p), dir);
      // the stream's end checks the bytes against the SHA-256 they were published with
      if (in.read() != -1) throw new IOException(describe(p) + " is longer than published");
    }
    return newest;
  }

  /**
   * Publishes the clusters committed in {@code dir} as the generation after {@code basedOn} (0:
   * none), built beside the OpenSearch index {@code indexName}.
   *
   * @throws ClusterGenerations.Conflict when another run published since {@code basedOn}
   */
  public ClusterGenerations.Published publish(Path dir, long basedOn, String indexName)
      throws IOException {
    Path file =
        ClusterStore.commitFile(dir)
            .orElseThrow(() -> new IOException("no issue clusters committed in " + dir));
    try (InputStream in = Files.newInputStream(file)) {
      return generations.publish(in, basedOn, indexName);
    }
  }

  static String describe(ClusterGenerations.Published p) {
    return "the issue clusters published as generation " + p.generation();
  }
}
