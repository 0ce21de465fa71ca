/**
 * The index on disk: {@link io.fixfinder.indexer.write.IndexStore} writes a generation under the
 * root's write lock, or serves the live one read-only, following the {@code CURRENT} pointer to
 * each new generation; {@link io.fixfinder.indexer.write.Indexer} builds generations from records.
 * Generations are deleted only when no process holds a lease on them ({@code Leases}), so any
 * number of servers share one data directory with one writer.
 */
package io.fixfinder.indexer.write;
