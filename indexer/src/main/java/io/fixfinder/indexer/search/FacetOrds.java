package io.fixfinder.indexer.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * A segment's facet ordinals as a plain array, one per document, built once per segment and kept
 * while the segment lives. Facet counting visits every word match of a search (hundreds of
 * thousands at a million records) and reads each match's kind, brand and type: through Lucene's doc
 * values that is an advance and a packed-integer decode per field and match; from an array it is
 * one read. The ordinals are the segment's own, so values are looked up in its doc values as
 * before, and counts are unchanged.
 *
 * <p>Keyed by the segment's core (what a refresh or a new generation keeps when the segment is
 * unchanged, and drops with it): a new segment gets its own arrays, a closed one's are released by
 * Lucene's closed listener. Deletions do not matter: searches skip deleted documents before they
 * reach a collector. A scoped view ({@link ScopedReader}) shares its segment's arrays. A field
 * holding more than one value in some document of the segment is not cached ({@link #of} returns
 * null and the caller reads doc values as before); no field of ours does.
 */
final class FacetOrds {
  private FacetOrds() {}

  /** A field no document of the segment has: every entry "no value". */
  static final int[] ABSENT = new int[0];

  /** No value for the document. */
  static final int NONE = -1;

  private static final Map<IndexReader.CacheKey, Map<String, int[]>> CACHE =
      new ConcurrentHashMap<>();

  /**
   * Per document of {@code reader}'s segment, the ordinal of its value of {@code field}, or {@link
   * #NONE}; {@link #ABSENT} when the segment has no such field; null when it cannot be cached (a
   * multi-valued field, or a reader without a core cache key).
   */
  static int[] of(LeafReader reader, String field) throws IOException {
    LeafReader segment = FilterLeafReader.unwrap(reader);
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) return null;
    Map<String, int[]> fields = CACHE.get(helper.getKey());
    if (fields == null) {
      Map<String, int[]> fresh = new ConcurrentHashMap<>();
      fields = CACHE.putIfAbsent(helper.getKey(), fresh);
      if (fields == null) {
        fields = fresh;
        helper.addClosedListener(CACHE::remove);
      }
    }
    int[] ords = fields.get(field);
    if (ords == null) {
      ords = build(segment, field);
      if (ords == null) return null; // multi-valued: not cached, the caller reads doc values
      fields.putIfAbsent(field, ords);
    }
    return ords;
  }

  /** Whether arrays of the segment with this core key are cached (tests: closing releases them). */
  static boolean cached(IndexReader.CacheKey core) {
    return CACHE.containsKey(core);
  }

  private static int[] build(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = segment.getSortedSetDocValues(field);
    if (values == null) return ABSENT;
    SortedDocValues single = DocValues.unwrapSingleton(values);
    if (single == null) return null;
    int[] ords = new int[segment.maxDoc()];
    java.util.Arrays.fill(ords, NONE);
    for (int d = single.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = single.nextDoc()) {
      ords[d] = single.ordValue();
    }
    return ords;
  }
}
