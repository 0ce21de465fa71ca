package io.fixfinder.crawler.dedup;

import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) over word 3-shingles: texts that differ by a few words get fingerprints
 * a few bits apart, so near-duplicates are found by Hamming distance.
 */
public final class SimHash {
  private SimHash() {}

  public static long of(String text) {
    String[] words =
        java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter(w -> !w.isEmpty())
            .toArray(String[]::new);
    if (words.length == 0) return 0;
    int[] votes = new int[64];
    int shingles = Math.max(1, words.length - 2);
    for (int i = 0; i < shingles; i++) {
      String shingle =
          String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + 3)));
      long h = fnv1a64(shingle);
      for (int bit = 0; bit < 64; bit++) votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) if (votes[bit] > 0) fingerprint |= 1L << bit;
    return fingerprint;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    // final mix so that similar strings spread over all bits
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
