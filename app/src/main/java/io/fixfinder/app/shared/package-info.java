/**
 * What several API processes share through the store (issue 17): the issue clusters an {@code index
 * --backend opensearch} run publishes in the database ({@link
 * io.fixfinder.app.shared.SharedClusters}, read by servers as {@link
 * io.fixfinder.app.shared.SharedIssues}), and the follower that applies the store's change feed and
 * the cluster's alias moves to each process's tallies, clusters and caches ({@link
 * io.fixfinder.app.shared.StoreFollower}).
 */
package io.fixfinder.app.shared;
