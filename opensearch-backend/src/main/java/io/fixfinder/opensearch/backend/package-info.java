/**
 * The index on an OpenSearch cluster ({@link io.fixfinder.opensearch.backend.OpenSearchBackend}),
 * through the official {@code opensearch-java} client over HTTP. The cluster analyses with our
 * analysis plugin ({@code opensearch-plugin}) and holds vectors in {@code knn_vector} fields; it
 * retrieves candidates, and the ranking (fusion, priors, paging) is the indexer's own ({@link
 * io.fixfinder.indexer.search.ExternalRanking}). This module has the indexer's Lucene on its class
 * path, never OpenSearch's: a node runs in a process of its own ({@code NodeMain}).
 */
package io.fixfinder.opensearch.backend;
