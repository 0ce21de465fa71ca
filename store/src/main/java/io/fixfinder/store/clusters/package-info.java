/**
 * Issue-cluster generations published in the database ({@link
 * io.fixfinder.store.clusters.ClusterGenerations}), so every API process serving from OpenSearch
 * reads the same clusters with the same ids, whatever machine built them (issue 17). The store
 * keeps the indexer's committed cluster file as opaque bytes: the format and its version are the
 * indexer's ({@code ClusterFile}), one definition of what a cluster is.
 */
package io.fixfinder.store.clusters;
