/** The search endpoint: parameter validation and the call into the indexer's searcher. */
package io.fixfinder.api.search;
