package io.fixfinder.indexer.view;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.indexer.cluster.ClusterReader;
import java.util.List;
import java.util.Optional;

/**
 * The issue clusters (a {@link io.fixfinder.indexer.cluster.ClusterSnapshot} in a server) as the
 * views and grouped search read them. A record in its family's catch-all cluster (one that does not
 * describe its fault) belongs to no issue for them: such a cluster is never shown as a group,
 * though its page can still be opened by id.
 */
public final class StoreIssues implements IssueSource {
  private final ClusterReader store;

  public StoreIssues(ClusterReader store) {
    this.store = store;
  }

  @Override
  public Optional<IssueCluster> get(String clusterId) {
    return store.get(clusterId);
  }

  @Override
  public Optional<String> clusterOf(String docId) {
    return store.clusterOf(docId).filter(id -> !store.isCatchAll(id));
  }

  @Override
  public List<String> members(String clusterId) {
    return store.members(clusterId);
  }

  @Override
  public List<IssueCluster> related(String clusterId, int n) {
    return store.related(clusterId, n);
  }

  @Override
  public List<String> aliasesOf(String clusterId) {
    return store.aliasesOf(clusterId);
  }

  @Override
  public Optional<io.fixfinder.indexer.cluster.FaultArea> faultAreaOf(String clusterId) {
    return store.faultAreaOf(clusterId);
  }

  @Override
  public Optional<io.fixfinder.indexer.cluster.FaultArea> faultArea(String areaId) {
    return store.faultArea(areaId);
  }
}
