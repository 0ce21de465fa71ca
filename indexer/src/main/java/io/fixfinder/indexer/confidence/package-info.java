/**
 * Knowing what we don't know: a calibrated probability that a search result is relevant ({@link
 * Confidence}), from the evidence a search has for it ({@link Evidence}: retrieval scores, how the
 * query's keys agree with the record's, whether the product type the query names is in the index at
 * all), and the rule that turns the results' probabilities into "answered" or "no good match". The
 * models are logistic regressions ({@link Logistic}) fit on judged results of the development sets
 * plus generated unanswerable queries, once per retrieval mode (with a dense side, and on words
 * alone: {@link Confidence.Calibration}); their held-out figures are in {@code docs/relevance.md}.
 */
package io.fixfinder.indexer.confidence;
