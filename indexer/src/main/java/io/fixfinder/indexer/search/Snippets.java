package io.fixfinder.indexer.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A short plain-text excerpt: the window of the text that contains the most query words (by prefix,
 * so "drain" finds "draining"), cut at word boundaries.
 */
final class Snippets {
  static final int LENGTH = 220;

  private Snippets() {}

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  static String of(String text, Set<String> queryWords) {
    String flat = SPACES.matcher(text).replaceAll(" ").strip();
    if (flat.length() <= LENGTH) return flat;
    String lower = flat.toLowerCase(Locale.ROOT);
    int bestStart = 0;
    int bestScore = -1;
    List<String> words = queryWords.stream().filter(w -> w.length() > 2).toList();
    // each word's first occurrence at or after the window's start (-1: none left), so a window
    // "contains" a word when that occurrence ends inside it: no copy of each window, one pass
    int[] next = new int[words.size()];
    for (int k = 0; k < next.length; k++) next[k] = lower.indexOf(words.get(k));
    for (int start = 0; start < flat.length(); start += 40) {
      int end = Math.min(flat.length(), start + LENGTH);
      int score = 0;
      for (int k = 0; k < next.length; k++) {
        if (next[k] >= 0 && next[k] < start) next[k] = lower.indexOf(words.get(k), start);
        if (next[k] >= 0 && next[k] + words.get(k).length() <= end) score++;
      }
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
      }
      if (end == flat.length()) break;
    }
    int start = bestStart == 0 ? 0 : Math.max(0, flat.indexOf(' ', bestStart) + 1);
    int end = Math.min(flat.length(), start + LENGTH);
    if (end < flat.length()) {
      int space = flat.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    return (start > 0 ? "… " : "") + flat.substring(start, end) + (end < flat.length() ? " …" : "");
  }
}
