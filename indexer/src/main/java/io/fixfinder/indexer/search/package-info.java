/**
 * Searching: query understanding shared with the crawler's keying, BM25 over prose fields, boosts
 * for what the query names, a per-record quality prior, snippets and facets. {@link
 * io.fixfinder.indexer.search.Searcher} orchestrates; {@link
 * io.fixfinder.indexer.search.QueryBuilder} builds the lexical query, {@link
 * io.fixfinder.indexer.search.DenseRanking} the nearest neighbours, {@link
 * io.fixfinder.indexer.search.ScoreFusion} merges the two lists, {@link
 * io.fixfinder.indexer.search.Facets} counts facets, and {@link
 * io.fixfinder.indexer.search.GroupedSearch} re-ranks by votes and groups by issue. A {@link
 * io.fixfinder.indexer.search.Scope} (a company's brands and products) is applied beneath all of it
 * by {@link io.fixfinder.indexer.search.ScopedReader}, a view of the index without the records
 * outside it.
 */
package io.fixfinder.indexer.search;
