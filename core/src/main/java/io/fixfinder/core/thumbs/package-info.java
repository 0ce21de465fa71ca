/**
 * Preview images (video thumbnails) kept in the data directory and served from our own origin, so
 * the pages' Content-Security-Policy can stay {@code img-src 'self'}. The bytes come from other
 * sites and are untrusted: only images whose type is recognised from their first bytes are kept,
 * under a size limit, keyed by their SHA-256, and their type is sniffed again when they are read.
 */
package io.fixfinder.core.thumbs;
