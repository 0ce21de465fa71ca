/**
 * The index behind one interface ({@link io.fixfinder.indexer.backend.IndexBackend}): the embedded
 * Lucene index ({@link io.fixfinder.indexer.backend.LuceneBackend}) and an OpenSearch cluster (the
 * {@code opensearch-backend} module, docs/scaling.md). Implementations pass {@code
 * IndexBackendContract}.
 */
package io.fixfinder.indexer.backend;
