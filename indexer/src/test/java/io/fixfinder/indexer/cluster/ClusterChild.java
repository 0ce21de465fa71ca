package io.fixfinder.indexer.cluster;

import java.nio.file.Path;

/** Adds and commits forever in its own process, saying after each commit how many it holds. */
public final class ClusterChild {
  private ClusterChild() {}

  public static void main(String[] args) throws Exception {
    try (ClusterStore store = ClusterStore.open(Path.of(args[0]), new HashingEmbedder())) {
      for (int batch = 0; ; batch++) {
        store.add(Docs.synthetic(batch, 50));
        store.commit();
        System.out.println("committed " + store.documentCount());
        System.out.flush();
      }
    }
  }
}
