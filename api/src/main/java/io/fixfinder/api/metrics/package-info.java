/**
 * Metrics beyond request timers: the last crawl's counters, read from the summary file the crawl
 * pipeline writes ({@link io.fixfinder.api.metrics.CrawlStats}), so a {@code serve} process shows
 * the counters of a crawl another process ran.
 */
package io.fixfinder.api.metrics;
