package io.fixfinder.indexer.view;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.indexer.cluster.FaultArea;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue clusters that a serving process replaces whole while it serves: every question is answered
 * by the clusters served at that moment, and a new set is swapped in with one reference write, so a
 * reader never sees half of one and half of another. Subclasses say where new sets come from: the
 * index generation followed on disk ({@link FollowingIssues}), or a generation published in the
 * database (the app's {@code SharedIssues}, issue 17).
 */
public abstract class SwappedIssues implements IssueSource {
  private final AtomicReference<IssueSource> current = new AtomicReference<>(IssueSource.none());

  /** Serves {@code issues} from now on. */
  protected final void serve(IssueSource issues) {
    current.set(issues);
  }

  @Override
  public Optional<IssueCluster> get(String clusterId) {
    return current.get().get(clusterId);
  }

  @Override
  public Optional<String> clusterOf(String docId) {
    return current.get().clusterOf(docId);
  }

  @Override
  public List<String> members(String clusterId) {
    return current.get().members(clusterId);
  }

  @Override
  public List<IssueCluster> related(String clusterId, int n) {
    return current.get().related(clusterId, n);
  }

  @Override
  public List<String> aliasesOf(String clusterId) {
    return current.get().aliasesOf(clusterId);
  }

  @Override
  public Optional<FaultArea> faultAreaOf(String clusterId) {
    return current.get().faultAreaOf(clusterId);
  }

  @Override
  public Optional<FaultArea> faultArea(String areaId) {
    return current.get().faultArea(areaId);
  }
}
