package io.fixfinder.indexer.cluster;

import io.fixfinder.core.model.IssueCluster;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What searches and pages read of the issue clusters: the writer ({@link ClusterStore}) answers it
 * while it places records, a {@link ClusterSnapshot} answers it for a server that only reads.
 */
public interface ClusterReader {
  /** A cluster by id; the id of a cluster merged into another resolves to that one. */
  Optional<IssueCluster> get(String clusterId);

  /**
   * The live id a cluster id stands for: itself while it is live, the cluster it was merged into
   * when it was merged, empty when unknown or deleted.
   */
  Optional<String> resolve(String clusterId);

  /** Merged ids and the live ids they resolve to. */
  Map<String, String> aliases();

  /** The merged ids that resolve to the live {@code clusterId}, sorted; empty when none. */
  List<String> aliasesOf(String clusterId);

  Optional<String> clusterOf(String docId);

  /** The member record ids of a cluster, in the order they joined; empty for an unknown id. */
  List<String> members(String clusterId);

  /** Every cluster, catch-all clusters included. */
  Collection<IssueCluster> all();

  /** Whether a cluster is its family's catch-all of records that do not describe their fault. */
  boolean isCatchAll(String clusterId);

  /** A fault area by id, with its issue clusters; empty for an unknown id or an emptied area. */
  Optional<FaultArea> faultArea(String areaId);

  /** The fault area an issue cluster belongs to. */
  Optional<FaultArea> faultAreaOf(String clusterId);

  /** Every fault area that holds at least one issue cluster. */
  Collection<FaultArea> faultAreas();

  int documentCount();

  int clusterCount();

  /**
   * Up to {@code n} other clusters of the same product family with a similar fault, most similar
   * first. Catch-all clusters are never related.
   */
  List<IssueCluster> related(String clusterId, int n);
}
