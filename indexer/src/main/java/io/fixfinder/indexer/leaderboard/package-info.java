/**
 * Public brand and model leaderboards: per product type, how often repair cafés fixed a brand's or
 * a model's faults (Open Repair Data outcomes in the index), with Wilson 95% intervals, beside the
 * "did this fix it?" votes and the crawled records about it. The records are counted once per
 * generation through a {@link io.fixfinder.indexer.leaderboard.LeaderboardSource} (the embedded
 * index's doc values, or an OpenSearch cluster's aggregation), so both backends rank the same way;
 * votes are added per request from memory. A group is ranked only with at least {@code
 * leaderboards.minReports} repair reports of known outcome, and by the cautious end of its
 * interval, so a handful of reports never tops a board.
 */
package io.fixfinder.indexer.leaderboard;
