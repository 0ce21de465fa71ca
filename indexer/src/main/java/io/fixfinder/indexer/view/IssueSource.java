package io.fixfinder.indexer.view;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.IssueCluster;
import java.util.List;
import java.util.Optional;

/** What the views read of the issue clusters: the cluster store answers all of it from memory. */
public interface IssueSource {
  Optional<IssueCluster> get(String clusterId);

  Optional<String> clusterOf(String docId);

  List<String> members(String clusterId);

  List<IssueCluster> related(String clusterId, int n);

  /**
   * The ids of clusters merged into this live one (old links that resolve to it); none by default.
   */
  default List<String> aliasesOf(String clusterId) {
    return List.of();
  }

  /**
   * The "did this fix it?" votes on an issue: those cast on its id and on the ids merged into it
   * (cast before the merge, or on an old link), so the kept cluster counts them all.
   */
  default Tally votes(String clusterId, FeedbackSignals feedback) {
    String live = get(clusterId).map(IssueCluster::id).orElse(clusterId);
    Tally t = feedback.tally(FeedbackItem.issue(live).key());
    for (String alias : aliasesOf(live)) {
      t = t.plus(feedback.tally(FeedbackItem.issue(alias).key()));
    }
    return t;
  }

  /** The fault area an issue belongs to ("Power / battery" of smartphones); none by default. */
  default Optional<io.fixfinder.indexer.cluster.FaultArea> faultAreaOf(String clusterId) {
    return Optional.empty();
  }

  /** A fault area by its id; none by default. */
  default Optional<io.fixfinder.indexer.cluster.FaultArea> faultArea(String areaId) {
    return Optional.empty();
  }

  /**
   * These clusters as a {@link io.fixfinder.indexer.search.Scope} may see them: only clusters the
   * scope admits as a whole exist, a record of another cluster belongs to none, related issues are
   * the admitted ones, and fault areas (which count every brand's clusters) are not shown.
   */
  default IssueSource within(io.fixfinder.indexer.search.Scope scope) {
    if (!scope.limited()) return this;
    IssueSource all = this;
    return new IssueSource() {
      @Override
      public Optional<IssueCluster> get(String clusterId) {
        return all.get(clusterId).filter(scope::admits);
      }

      @Override
      public Optional<String> clusterOf(String docId) {
        return all.clusterOf(docId).filter(id -> get(id).isPresent());
      }

      @Override
      public List<String> members(String clusterId) {
        return get(clusterId).isPresent() ? all.members(clusterId) : List.of();
      }

      @Override
      public List<String> aliasesOf(String clusterId) {
        return get(clusterId).isPresent() ? all.aliasesOf(clusterId) : List.of();
      }

      @Override
      public List<IssueCluster> related(String clusterId, int n) {
        if (get(clusterId).isEmpty()) return List.of();
        // admitted ones are a share of the related: ask for more, keep the first n admitted
        return all.related(clusterId, Math.max(50, n * 10)).stream()
            .filter(scope::admits)
            .limit(n)
            .toList();
      }
    };
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
