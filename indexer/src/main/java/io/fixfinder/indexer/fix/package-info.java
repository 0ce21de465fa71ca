/**
 * The fix summary of an issue: what its sources say to do, without writing any text of our own.
 * Each member record that states a remedy (a manual's troubleshooting row, an accepted or best
 * answer, a how-to guide, a repair video's chapters) gives one {@link
 * io.fixfinder.indexer.fix.Remedy}; remedies that say the same thing are grouped by a blend of
 * their statements' sentence embeddings (kept in {@link io.fixfinder.indexer.fix.RemedyVectors})
 * and a set similarity of their normalised words ({@link io.fixfinder.indexer.fix.RemedyText},
 * {@link io.fixfinder.indexer.fix.RemedyGrouping}), by the words alone without an embedder; each
 * group becomes a {@link io.fixfinder.indexer.fix.Fix} quoting its most authoritative source, with
 * every source linked at the exact place (page anchor, answer text fragment, video time) and its
 * support counted.
 */
package io.fixfinder.indexer.fix;
