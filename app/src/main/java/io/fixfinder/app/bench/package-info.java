/**
 * Benchmarks behind {@code fixfinder bench}: each measures FixFinder and, in the same run, a
 * baseline (plain Lucene with {@code StandardAnalyzer}, or the in-process floor under the HTTP
 * API), on synthetic records generated at the size asked. Figures go in {@code docs/benchmarks.md}.
 */
package io.fixfinder.app.bench;
