/**
 * Writing the index: {@link io.fixfinder.indexer.write.IndexStore} owns the one writer and the
 * searcher manager; {@link io.fixfinder.indexer.write.Indexer} builds generations from records.
 */
package io.fixfinder.indexer.write;
