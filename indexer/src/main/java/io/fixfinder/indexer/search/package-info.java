/**
 * Searching: query understanding shared with the crawler's keying, BM25 over prose fields, boosts
 * for what the query names, a per-record quality prior, snippets and facets. {@link
 * io.fixfinder.indexer.search.Searcher} orchestrates; {@link
 * io.fixfinder.indexer.search.QueryBuilder} builds the lexical query, {@link
 * io.fixfinder.indexer.search.DenseRanking} the nearest neighbours, {@link
 * io.fixfinder.indexer.search.ScoreFusion} merges the two lists, {@link
 * io.fixfinder.indexer.search.Facets} counts facets, and {@link
 * io.fixfinder.indexer.search.GroupedSearch} re-ranks by votes and groups by issue.
 */
package io.fixfinder.indexer.search;
