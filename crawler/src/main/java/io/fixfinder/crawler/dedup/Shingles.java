package io.fixfinder.crawler.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word tokens and word 5-shingles of a text, hashed to 64 bits. Shingles of five words change when
 * a step changes but not when whitespace, case or punctuation are reflowed, which is the line
 * between "another guide" and "the same guide on another site".
 */
final class Shingles {
  static final int WIDTH = 5;

  private Shingles() {}

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
      if (!w.isEmpty()) words.add(w);
    return words;
  }

  /**
   * The words that shingles are made of: without bare numbers and the word "step", which is how
   * sites number steps and list items ("1.", "Step 1:", "(1)"). Steps are short, so a numbering
   * token inside every fifth shingle would make the same guide numbered two ways look 30% apart.
   */
  static List<String> content(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) if (!w.equals("step") && !isNumber(w)) out.add(w);
    return out;
  }

  private static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
    return true;
  }

  /** The distinct shingle hashes, sorted; a text shorter than a shingle is one shingle. */
  static long[] hashes(List<String> words) {
    int n = Math.max(1, words.size() - WIDTH + 1);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9e3779b97f4a7c15L;
      for (int j = i; j < Math.min(words.size(), i + WIDTH); j++)
        h = mix(h ^ SimHash.fnv1a64(words.get(j)));
      out[i] = h;
    }
    Arrays.sort(out);
    return distinctSorted(out);
  }

  /**
   * The {@code k} smallest of the sorted distinct hashes: a bottom-k sketch, so a record keeps a
   * bounded number of them however long its text, and two sketches still estimate Jaccard.
   */
  static long[] bottom(long[] sortedDistinct, int k) {
    return sortedDistinct.length <= k ? sortedDistinct : Arrays.copyOf(sortedDistinct, k);
  }

  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long[] distinctSorted(long[] sorted) {
    int w = 0;
    for (int i = 0; i < sorted.length; i++)
      if (i == 0 || sorted[i] != sorted[i - 1]) sorted[w++] = sorted[i];
    return w == sorted.length ? sorted : Arrays.copyOf(sorted, w);
  }
}
