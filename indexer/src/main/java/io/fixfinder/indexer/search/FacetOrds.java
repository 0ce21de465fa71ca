package io.fixfinder.indexer.search;

import java.io.IOException;
import java.util.HashMap;
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
 * A segment's facet values as one small number per document: the document's combination of values
 * of the facet fields (kind, brand, type), numbered within the segment, with each combination's
 * ordinal per field. Built once per segment and kept while the segment lives.
 *
 * <p>Facet counting visits every word match of a search (hundreds of thousands at a million
 * records). Through Lucene's doc values it advanced and decoded three fields per match; here it
 * reads one array entry and bumps one counter per match, and turns the counts per combination into
 * counts per value once per segment. The ordinals are the segment's own, so values are looked up in
 * its doc values as before, and counts are unchanged.
 *
 * <p>Keyed by the segment's core (what a refresh or a new generation keeps when the segment is
 * unchanged, and drops with it): a new segment gets its own, a closed one's are released by
 * Lucene's closed listener. Deletions do not matter: searches skip deleted documents before they
 * reach a collector. A scoped view ({@link ScopedReader}) shares its segment's. A field holding
 * more than one value in some document of the segment cannot be combined ({@link #of} returns null
 * and the caller reads doc values as before); no field of ours does.
 *
 * @param combo per document, its combination's number
 * @param ords per field (in the order asked), per combination, the value's ordinal or {@link #NONE}
 */
record FacetOrds(int[] combo, int[][] ords) {
  /** No value of the field. */
  static final int NONE = -1;

  private static final Map<IndexReader.CacheKey, Map<String, FacetOrds>> CACHE =
      new ConcurrentHashMap<>();

  /** How many combinations the segment has. */
  int combinations() {
    return ords.length == 0 ? 1 : ords[0].length;
  }

  /**
   * The combinations of {@code fields} (at most three) in {@code reader}'s segment; null when they
   * cannot be cached (a multi-valued field, a field of more than two million values, or a reader
   * without a core cache key).
   */
  static FacetOrds of(LeafReader reader, String... fields) throws IOException {
    LeafReader segment = FilterLeafReader.unwrap(reader);
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) return null;
    Map<String, FacetOrds> byFields = CACHE.get(helper.getKey());
    if (byFields == null) {
      Map<String, FacetOrds> fresh = new ConcurrentHashMap<>();
      byFields = CACHE.putIfAbsent(helper.getKey(), fresh);
      if (byFields == null) {
        byFields = fresh;
        helper.addClosedListener(CACHE::remove);
      }
    }
    String key = String.join("\u0000", fields);
    FacetOrds ords = byFields.get(key);
    if (ords == null) {
      ords = build(segment, fields);
      if (ords == null) return null; // multi-valued: not cached, the caller reads doc values
      FacetOrds had = byFields.putIfAbsent(key, ords);
      if (had != null) ords = had;
    }
    return ords;
  }

  /** Whether the segment with this core key has combinations cached (tests: closing releases). */
  static boolean cached(IndexReader.CacheKey core) {
    return CACHE.containsKey(core);
  }

  private static FacetOrds build(LeafReader segment, String[] fields) throws IOException {
    int maxDoc = segment.maxDoc();
    int[][] perDoc = new int[fields.length][];
    for (int f = 0; f < fields.length; f++) {
      int[] column = new int[maxDoc];
      java.util.Arrays.fill(column, NONE);
      SortedSetDocValues values = segment.getSortedSetDocValues(fields[f]);
      if (values != null) {
        SortedDocValues single = DocValues.unwrapSingleton(values);
        if (single == null) return null;
        for (int d = single.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = single.nextDoc()) {
          column[d] = single.ordValue();
        }
      }
      perDoc[f] = column;
    }
    if (fields.length > 3) return null;
    int[] combo = new int[maxDoc];
    Map<Long, Integer> numbers = new HashMap<>();
    java.util.List<int[]> tuples = new java.util.ArrayList<>();
    for (int d = 0; d < maxDoc; d++) {
      long key = 0;
      for (int f = 0; f < fields.length; f++) {
        long o = perDoc[f][d] + 1L; // 0: no value
        if (o >= 1L << 21) return null; // more values than a key holds: not combined
        key |= o << (21 * f);
      }
      Integer n = numbers.get(key);
      if (n == null) {
        n = tuples.size();
        numbers.put(key, n);
        int[] t = new int[fields.length];
        for (int f = 0; f < fields.length; f++) t[f] = perDoc[f][d];
        tuples.add(t);
      }
      combo[d] = n;
    }
    int[][] ords = new int[fields.length][tuples.size()];
    for (int c = 0; c < tuples.size(); c++) {
      for (int f = 0; f < fields.length; f++) ords[f][c] = tuples.get(c)[f];
    }
    return new FacetOrds(combo, ords);
  }
}
