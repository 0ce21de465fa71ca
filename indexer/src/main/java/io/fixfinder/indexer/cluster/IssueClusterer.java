package io.fixfinder.indexer.cluster;

/**
 * The clustering algorithm behind {@link ClusterStore}: how well a record fits a cluster. The store
 * drives placement incrementally (a record joins its best-fitting cluster when the fit reaches
 * {@link #joinThreshold()}, or founds a new cluster), so any implementation keeps the store's
 * guarantees: ids never churn, members never move on growth (except that the store merges two
 * clusters of one family with the same label and codes, keeping the old id as an alias).
 * Implementations are stateless and thread-safe.
 */
public interface IssueClusterer {
  /** The fit of a record to a cluster; {@link Double#NEGATIVE_INFINITY} when it may not join. */
  double fit(DocSignals doc, ClusterProfile cluster);

  /** The least fit at which a record joins a cluster instead of founding its own. */
  double joinThreshold();

  /**
   * The least fit at which a record that founded a singleton in the same batch is folded into a
   * larger cluster instead (this keeps one-off wordings out of the cluster count).
   */
  double absorbThreshold();

  /** How much better another cluster must fit a changed record before it moves there. */
  double moveMargin();

  /**
   * Whether a record says too little to found a cluster of its own ("Mobile - ?", "defekt"): such
   * records share their family's catch-all cluster of undescribed faults.
   */
  boolean undescribed(DocSignals doc);

  /**
   * The least share of a cluster's members that must vote for its leading fault area (name one of
   * the area's facets first) for the cluster to belong to it; below it the cluster is in the
   * family's "other" area.
   */
  default double areaMinShare() {
    return 0.2;
  }
}
