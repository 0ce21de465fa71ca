/**
 * URL filters: which URLs a crawl may fetch. The crawler fetches untrusted content by design; these
 * filters keep it on http(s), inside each site's scope, and off private networks.
 */
package io.fixfinder.crawler.filter;
