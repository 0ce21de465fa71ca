/**
 * Clustering quality against human labels: the Open Repair quests' fault types read as repair
 * reports ({@link io.fixfinder.indexer.eval.clusters.LabelledOrds}), FixFinder's real clustering
 * and the Carrot2 baselines run on the same texts ({@link
 * io.fixfinder.indexer.eval.clusters.ClusterEval}), scored by NMI, ARI and B-cubed ({@link
 * io.fixfinder.indexer.eval.clusters.ClusterMetrics}). Behind {@code ./fixfinder eval clusters}.
 */
package io.fixfinder.indexer.eval.clusters;
