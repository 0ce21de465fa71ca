package io.fixfinder.indexer.cluster;

import java.util.List;
import java.util.Map;

/**
 * What one {@link ClusterStore#add} did.
 *
 * @param clusters the cluster id of every record of the call
 * @param created ids of the clusters this call founded
 * @param added records new to the store
 * @param changed records already in the store whose content changed (placement reconsidered)
 * @param moved changed records that moved to another cluster
 * @param unchanged records re-added as they were (nothing done)
 */
public record Assignment(
    Map<String, String> clusters,
    List<String> created,
    int added,
    int changed,
    int moved,
    int unchanged) {
  public Assignment {
    clusters = Map.copyOf(clusters);
    created = List.copyOf(created);
  }
}
