package io.fixfinder.indexer.search;

/**
 * Score normalisation of each list before linear fusion (see {@link ScoreFusion}). Z-score (the
 * default) centres a list on its mean: a record missing from a list that was cut short sits at an
 * average score there, not at the worst.
 */
public enum Norm {
  MINMAX,
  ZSCORE,
  MAX
}
