/**
 * Lucene analysis for troubleshooting text: prose fields and exact key fields; the language of a
 * record or a query ({@link io.fixfinder.indexer.analysis.LanguageDetector}) and the stemmed prose
 * of each language Open Repair Data is written in ({@link
 * io.fixfinder.indexer.analysis.Analyzers#language}). The detector's fault words are a data file
 * beside the code ({@code fault-words.txt}).
 */
package io.fixfinder.indexer.analysis;
