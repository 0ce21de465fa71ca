package io.fixfinder.indexer.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fixfinder.indexer.embed.Embedder;
import java.util.Locale;
import java.util.Objects;

/**
 * Query embeddings, computed once per normalised query text and kept in a cache bounded by bytes: a
 * flood of distinct long queries evicts older entries instead of growing the heap. Concurrent
 * searches share the cache without a global lock; a text being embedded blocks only the searches
 * for that same text.
 */
final class QueryVectors {
  /** Default bound: about 2,600 queries of 384 dimensions and 20 characters. */
  static final long DEFAULT_MAX_BYTES = 4L << 20;

  /** Per-entry bookkeeping beyond the key's characters and the vector's floats (object headers). */
  static final int ENTRY_OVERHEAD = 64;

  private final Embedder embedder;
  private final Cache<String, float[]> cache;

  QueryVectors(Embedder embedder, long maxBytes) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String key, float[] vector) -> weight(key, vector))
            .build();
  }

  /** The bytes an entry is charged: its key's UTF-16 characters, its floats and the overhead. */
  static int weight(String key, float[] vector) {
    return ENTRY_OVERHEAD + 2 * key.length() + Float.BYTES * vector.length;
  }

  /** The embedding of {@code query}: cased and spaced variants share one entry. */
  float[] of(String query) {
    return cache.get(normalise(query), embedder::embed);
  }

  static String normalise(String query) {
    return query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  /** The bytes charged to the entries held now, after pending evictions. */
  long weightedBytes() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }
}
