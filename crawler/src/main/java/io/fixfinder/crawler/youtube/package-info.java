/**
 * Repair videos from the YouTube Data API v3 with the official client: fix queries built from the
 * lexicon, quota accounting against a daily budget, a disk cache so no query is paid twice, and
 * chapter timestamps turned into deep links. The API key comes from the environment only.
 */
package io.fixfinder.crawler.youtube;
