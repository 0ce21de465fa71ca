/**
 * OpenSearch nodes in-process with our analysis plugin and k-NN ({@link
 * io.fixfinder.opensearch.node.Nodes}): the cluster of the OpenSearch tests, and {@link
 * io.fixfinder.opensearch.node.NodeMain} for trying the OpenSearch backend without installing
 * OpenSearch.
 */
package io.fixfinder.opensearch.node;
