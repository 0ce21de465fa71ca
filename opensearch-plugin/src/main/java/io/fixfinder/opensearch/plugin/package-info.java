/**
 * The OpenSearch analysis plugin: our analysis chains (the indexer's {@code
 * io.fixfinder.indexer.analysis.chain} sources, compiled here against the cluster's Lucene) as
 * pre-configured analyzers, token filters and a char filter, so OpenSearch produces the tokens the
 * embedded index does.
 */
package io.fixfinder.opensearch.plugin;
