/** Autocomplete and "did you mean" over the lexicon, weighted by the index. */
package io.fixfinder.indexer.suggest;
