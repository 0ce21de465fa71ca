package io.fixfinder.crawler.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * What one site repeats across its stored records: for each shingle hash and each title affix
 * segment, on how many records it occurs. A shingle on many of a site's pages is its chrome, not
 * what tells two of its pages apart. Counts come only from stored records and are taken back when a
 * record is replaced, so the model is rebuilt exactly by replaying the record log.
 */
final class SiteModel {
  /**
   * Bound on the distinct shingles counted per site. Boilerplate recurs from a site's first pages,
   * so it is in the map long before the map is full; once full, shingles not yet seen are not
   * counted (they are then never boilerplate, which can only keep records apart).
   */
  static final int MAX_SHINGLES = 200_000;

  static final int MAX_AFFIXES = 20_000;

  private final Map<Long, Integer> shingles = new HashMap<>();
  private final Map<String, Integer> affixes = new HashMap<>();
  private int records;

  int records() {
    return records;
  }

  int count(long shingle) {
    return shingles.getOrDefault(shingle, 0);
  }

  /** On how many of the site's records the title segment is the first or last one. */
  int affixCount(String segment) {
    return affixes.getOrDefault(segment, 0);
  }

  void add(long[] sketch, Titles.Title title) {
    records++;
    for (long h : sketch) {
      Integer c = shingles.get(h);
      if (c != null) shingles.put(h, c + 1);
      else if (shingles.size() < MAX_SHINGLES) shingles.put(h, 1);
    }
    for (String affix : title.affixes()) {
      Integer c = affixes.get(affix);
      if (c != null) affixes.put(affix, c + 1);
      else if (affixes.size() < MAX_AFFIXES) affixes.put(affix, 1);
    }
  }

  void remove(long[] sketch, Titles.Title title) {
    records--;
    for (long h : sketch) shingles.computeIfPresent(h, (k, c) -> c > 1 ? c - 1 : null);
    for (String affix : title.affixes())
      affixes.computeIfPresent(affix, (k, c) -> c > 1 ? c - 1 : null);
  }
}
