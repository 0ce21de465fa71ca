/** Running a crawl: the counters every crawl ends with and the crawl runner. */
package io.fixfinder.crawler.run;
