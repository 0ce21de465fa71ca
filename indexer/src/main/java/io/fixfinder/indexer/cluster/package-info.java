/**
 * Persistent, incremental issue clusters: the same fault of the same product family, reported by a
 * manual, threads, videos, reviews and repair reports, grouped under one stable id; and above them
 * fault areas ({@link io.fixfinder.indexer.cluster.FaultArea}: "Power / battery" of smartphones),
 * each issue cluster in one, also with stable ids.
 *
 * <p>{@link io.fixfinder.indexer.cluster.ClusterStore} is the one entry point (add, remove,
 * lookups, commit); it produces {@link io.fixfinder.core.model.IssueCluster}s. A server that only
 * reads keeps a {@link io.fixfinder.indexer.cluster.ClusterSnapshot} of it instead (the same
 * answers, {@link io.fixfinder.indexer.cluster.ClusterReader}, without the writer's per-record
 * state). The algorithm sits behind {@link io.fixfinder.indexer.cluster.IssueClusterer} (how well a
 * record fits a cluster, and the thresholds); {@link io.fixfinder.indexer.cluster.FaultClusterer}
 * is the default. Fault facets ({@link io.fixfinder.indexer.cluster.FaultVocabulary}) and label
 * word lists are data files beside the code ({@code faults.yaml}, {@code stopwords.txt}, {@code
 * generic-words.txt}, {@code label-*.txt}, {@code general-sections.txt}), and so are the fault
 * areas and which facets fit which product type ({@code fault-areas.yaml}, read by {@link
 * io.fixfinder.indexer.cluster.FaultAreas}). The design, persistence format and measured quality
 * are in {@code docs/clustering.md}.
 */
package io.fixfinder.indexer.cluster;
