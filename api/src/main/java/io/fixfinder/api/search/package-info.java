/**
 * The search and suggest endpoints: parameter validation, the call into the indexer's searcher, and
 * the response cache bounded by bytes ({@link io.fixfinder.api.search.SearchCache}).
 */
package io.fixfinder.api.search;
