/**
 * Parsing and extraction: fetched pages become {@link io.fixfinder.crawler.parse.Draft}s
 * (structured data, per-site selectors, generic content, PDF tables), then keyed {@link
 * io.fixfinder.core.model.SourceDoc}s. Crawled content is data: it is parsed, never executed.
 */
package io.fixfinder.crawler.parse;
