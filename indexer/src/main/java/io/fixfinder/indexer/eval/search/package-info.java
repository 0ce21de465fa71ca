/**
 * Search relevance measured against human judgements in BEIR format: {@link
 * io.fixfinder.indexer.eval.search.BeirSet} reads a folder (corpus, queries, qrels; malformed lines
 * counted, not fatal), {@link io.fixfinder.indexer.eval.search.SearchEvaluation} indexes it into a
 * fresh temporary index with the project's real analysis, ranking and fusion, runs every judged
 * query in each retrieval mode beside a plain-Lucene BM25 baseline ({@link
 * io.fixfinder.indexer.eval.search.LuceneBaseline}), and scores the rankings with {@link
 * io.fixfinder.indexer.eval.search.RankingMetrics} (nDCG@10, Recall@100, MRR@10).
 */
package io.fixfinder.indexer.eval.search;
