package io.fixfinder.indexer.cluster;

/**
 * What an {@link IssueClusterer} may read of a cluster while placing a record: a live, read-only
 * view, valid during one placement only.
 */
public interface ClusterProfile {
  String id();

  /** The product type id all members share ("" for records of unknown type). */
  String family();

  int size();

  /** The unit-length mean of the members' embeddings. */
  float[] centroid();

  /** Share of members that mention {@code facet}, in [0, 1]. */
  double facetShare(String facet);

  /** The facet most members mention, or "" when no member mentions any. */
  String primaryFacet();

  /** The error-code key most members carry ({@code Aqualine:E18}), or "" without any. */
  String primaryCode();

  /** The model most members are about when at least half are, else "". */
  String model();
}
