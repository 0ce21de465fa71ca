package io.fixfinder.app.bench;

import io.fixfinder.indexer.cluster.ClusterProfile;
import io.fixfinder.indexer.cluster.DocSignals;
import io.fixfinder.indexer.cluster.IssueClusterer;

/**
 * Placement for the bench's million synthetic records: a record joins the cluster of its product
 * type whose leading fault is the record's first. The product's {@code FaultClusterer} founds a
 * cluster for nearly every synthetic record (their filler words and stand-in vectors fit no
 * centroid well), and each placement then scores every cluster of a facet: quadratic, days at a
 * million records on two cores. The store, its file and its loading by the server are the real
 * ones; only the grain of the clusters differs (a few hundred large ones).
 */
final class BenchClusterer implements IssueClusterer {
  @Override
  public double fit(DocSignals doc, ClusterProfile cluster) {
    String first = doc.facets().isEmpty() ? "" : doc.facets().getFirst();
    return first.equals(cluster.primaryFacet()) ? 1 : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double joinThreshold() {
    return 0.5;
  }

  @Override
  public double absorbThreshold() {
    return 0.5;
  }

  @Override
  public double moveMargin() {
    return 1;
  }

  @Override
  public boolean undescribed(DocSignals doc) {
    return doc.facets().isEmpty() && doc.codes().isEmpty();
  }
}
