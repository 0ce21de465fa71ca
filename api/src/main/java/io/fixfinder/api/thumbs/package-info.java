/**
 * {@code GET /thumbs/{hash}}: preview images the crawl kept ({@link
 * io.fixfinder.core.thumbs.ThumbnailStore}), served from our own origin so the pages' CSP keeps
 * {@code img-src 'self'}, with the type sniffed from the bytes and cached for a year (the URL is
 * the hash of the content, so it never changes).
 */
package io.fixfinder.api.thumbs;
