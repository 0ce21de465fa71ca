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

  private static final long POSITION = (1L << 20) - 1;

  /** Shingles past this position are not read: a text that long is not compared any better. */
  static final int MAX_SHINGLES = (int) POSITION;

  private Shingles() {}

  /**
   * The text's words, lower-cased: the runs of {@code [\\p{L}\\p{N}]}, read by code point (a regex
   * split of every record and of each of its lines was a third of a duplicate check).
   */
  static List<String> words(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (isWordChar(cp)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) words.add(lower.substring(start));
    return words;
  }

  /** {@code \\p{L}} or {@code \\p{N}}: a letter, or a number of any kind (digit, letter, other). */
  static boolean isWordChar(int cp) {
    if (Character.isLetter(cp)) return true;
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
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

  /**
   * A text's distinct shingle hashes, sorted, each with the line its first occurrence starts on.
   *
   * @param words how many words the text has
   */
  record Text(int words, long[] hashes, int[] lines) {
    /** The {@code k} smallest hashes: a bottom-k sketch, bounded however long the text. */
    Text bottom(int k) {
      if (hashes.length <= k) return this;
      return new Text(words, Arrays.copyOf(hashes, k), Arrays.copyOf(lines, k));
    }
  }

  static Text of(String text) {
    List<String> content = new ArrayList<>();
    List<Integer> lineOfWord = new ArrayList<>();
    int words = 0;
    String[] lines = text.split("\n");
    for (int line = 0; line < lines.length; line++) {
      List<String> w = words(lines[line]);
      words += w.size();
      for (String word : content(w)) {
        content.add(word);
        lineOfWord.add(line);
      }
    }
    int n = Math.min(MAX_SHINGLES, Math.max(1, content.size() - WIDTH + 1));
    // Each shingle's hash keeps its top 44 bits; the low 20 hold its position, so one primitive
    // sort orders by hash and then by position, and each distinct hash keeps its first line.
    long[] wordHash = new long[content.size()];
    for (int i = 0; i < wordHash.length; i++) wordHash[i] = SimHash.fnv1a64(content.get(i));
    long[] keyed = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9e3779b97f4a7c15L;
      for (int j = i; j < Math.min(wordHash.length, i + WIDTH); j++) h = mix(h ^ wordHash[j]);
      keyed[i] = (h & ~POSITION) | i;
    }
    Arrays.sort(keyed);
    long[] hashes = new long[n];
    int[] lineOf = new int[n];
    int w = 0;
    for (int i = 0; i < n; i++) {
      long h = keyed[i] & ~POSITION;
      if (w > 0 && hashes[w - 1] == h) continue;
      hashes[w] = h;
      lineOf[w++] = content.isEmpty() ? 0 : lineOfWord.get((int) (keyed[i] & POSITION));
    }
    return new Text(words, Arrays.copyOf(hashes, w), Arrays.copyOf(lineOf, w));
  }

  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
