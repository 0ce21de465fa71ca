/** What to crawl: the sources file and its typed {@link io.fixfinder.crawler.source.SiteConfig}. */
package io.fixfinder.crawler.source;
