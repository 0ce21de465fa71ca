/**
 * Our analysis chains as reusable token-filter pipelines ({@link
 * io.fixfinder.indexer.analysis.chain.AnalysisChains}) and the filters they are made of. Depends on
 * Lucene alone: the OpenSearch analysis plugin compiles these sources against the cluster's own
 * Lucene version, so both engines produce the same tokens.
 */
package io.fixfinder.indexer.analysis.chain;
