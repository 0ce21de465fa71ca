/**
 * Crawl state that outlives a process: per-URL validators and content hashes (for conditional GET
 * and skipping unchanged pages) and the id of an unfinished run (for resuming after a kill).
 */
package io.fixfinder.crawler.state;
