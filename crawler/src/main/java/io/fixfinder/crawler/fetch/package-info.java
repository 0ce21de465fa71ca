/**
 * Fetching: the {@link io.fixfinder.crawler.fetch.CrawlEngine} interface we own and what flows out
 * of it ({@link io.fixfinder.crawler.fetch.FetchedPage}). Engines enforce politeness per host,
 * robots.txt (RFC 9309), URL filters, size limits and timeouts.
 */
package io.fixfinder.crawler.fetch;
