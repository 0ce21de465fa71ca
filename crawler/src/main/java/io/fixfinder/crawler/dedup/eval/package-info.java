/**
 * Measures the merge rule of {@link io.fixfinder.crawler.dedup.Duplicates} on labelled pairs built
 * at run time from real repair guides: syndicated copies that must merge, sibling guides of one
 * device that must not.
 */
package io.fixfinder.crawler.dedup.eval;
