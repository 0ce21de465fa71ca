package io.fixfinder.app.shared;

import io.fixfinder.indexer.cluster.ClusterSnapshot;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.view.StoreIssues;
import io.fixfinder.indexer.view.SwappedIssues;
import io.fixfinder.store.clusters.ClusterGenerations;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The issue clusters a server on OpenSearch serves: the newest generation published in the store,
 * loaded at start and again whenever {@link #refresh} finds a newer one (the {@link StoreFollower}
 * calls it when the change feed announces one). The load happens aside and the new clusters are
 * swapped in whole; until a generation is published there are none (searches are not grouped and
 * issue pages are 404, as on an index built without clusters).
 */
public final class SharedIssues extends SwappedIssues {
  private final ClusterGenerations generations;
  private final Embedder embedder;
  private volatile long served;

  private SharedIssues(ClusterGenerations generations, Embedder embedder) {
    this.generations = generations;
    this.embedder = embedder;
  }

  /** The newest published clusters, loaded now. */
  public static SharedIssues load(ClusterGenerations generations, Embedder embedder)
      throws IOException {
    SharedIssues issues = new SharedIssues(generations, embedder);
    issues.refresh();
    return issues;
  }

  /**
   * Loads and serves the newest published generation when it is not the one served. False when
   * nothing changed; throws when the newest cannot be read (the served clusters stay).
   */
  public synchronized boolean refresh() throws IOException {
    Optional<ClusterGenerations.Published> newest = generations.latest();
    if (newest.isEmpty() || newest.get().generation() == served) return false;
    ClusterGenerations.Published p = newest.get();
    ClusterSnapshot snapshot;
    try (InputStream in = generations.open(p)) {
      snapshot = ClusterSnapshot.read(in, p.sizeBytes(), SharedClusters.describe(p), embedder);
      // the stream's end checks the bytes against the SHA-256 they were published with
      if (in.read() != -1)
        throw new IOException(SharedClusters.describe(p) + " is longer than published");
    }
    serve(new StoreIssues(snapshot));
    served = p.generation();
    return true;
  }

  /** The published generation served (0: none yet). */
  public long generation() {
    return served;
  }
}
