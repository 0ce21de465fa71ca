/**
 * Searching: query understanding shared with the crawler's keying, BM25 over prose fields, boosts
 * for what the query names, a per-record quality prior, snippets and facets.
 */
package io.fixfinder.indexer.search;
