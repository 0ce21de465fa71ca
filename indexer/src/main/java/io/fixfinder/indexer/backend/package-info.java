/**
 * The index behind one interface ({@link io.fixfinder.indexer.backend.IndexBackend}): the embedded
 * Lucene index today, an OpenSearch cluster next (docs/scaling.md). Implementations pass {@code
 * IndexBackendContract}.
 */
package io.fixfinder.indexer.backend;
