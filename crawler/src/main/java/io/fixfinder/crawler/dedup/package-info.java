/** Exact and near-duplicate detection across URLs and sites: one document, several URLs. */
package io.fixfinder.crawler.dedup;
