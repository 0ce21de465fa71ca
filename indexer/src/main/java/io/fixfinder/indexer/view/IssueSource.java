package io.fixfinder.indexer.view;

import io.fixfinder.core.model.IssueCluster;
import java.util.List;
import java.util.Optional;

/** What the views read of the issue clusters: the cluster store answers all of it from memory. */
public interface IssueSource {
  Optional<IssueCluster> get(String clusterId);

  Optional<String> clusterOf(String docId);

  List<String> members(String clusterId);

  List<IssueCluster> related(String clusterId, int n);

  /** The fault area an issue belongs to ("Power / battery" of smartphones); none by default. */
  default Optional<io.fixfinder.indexer.cluster.FaultArea> faultAreaOf(String clusterId) {
    return Optional.empty();
  }

  /** A fault area by its id; none by default. */
  default Optional<io.fixfinder.indexer.cluster.FaultArea> faultArea(String areaId) {
    return Optional.empty();
  }

  /** No clusters at all (an index built without them). */
  static IssueSource none() {
    return new IssueSource() {
      @Override
      public Optional<IssueCluster> get(String clusterId) {
        return Optional.empty();
      }

      @Override
      public Optional<String> clusterOf(String docId) {
        return Optional.empty();
      }

      @Override
      public List<String> members(String clusterId) {
        return List.of();
      }

      @Override
      public List<IssueCluster> related(String clusterId, int n) {
        return List.of();
      }
    };
  }
}
