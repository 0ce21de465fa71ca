/**
 * The public brand and model leaderboards: {@code GET /api/leaderboards} (JSON) and the pages
 * {@code /leaderboards} and {@code /leaderboards/{type}}, both read from {@link
 * io.fixfinder.indexer.leaderboard.Leaderboards}, with the data sources and their licences named.
 */
package io.fixfinder.api.leaderboards;
