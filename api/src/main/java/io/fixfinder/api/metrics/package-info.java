/**
 * {@code GET /metrics} and what feeds it: request timers and the access log ({@link
 * io.fixfinder.api.metrics.RequestLog}), gauges the wiring registers, and the last crawl's counters
 * read from the summary file the crawl pipeline writes ({@link
 * io.fixfinder.api.metrics.CrawlStats}), so a {@code serve} process shows the counters of a crawl
 * another process ran.
 */
package io.fixfinder.api.metrics;
