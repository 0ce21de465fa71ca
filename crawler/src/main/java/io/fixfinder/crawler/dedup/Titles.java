package io.fixfinder.crawler.dedup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Title agreement. Sites decorate titles ("Fan Replacement - RepairHub", "RepairHub | Fan
 * Replacement"); a segment at either end that a site puts on many pages is its decoration. Two
 * titles agree when the words of each, without its site's decoration, all occur in the other: the
 * same guide under two sites' suffixes agrees, "Fan Replacement" and "Back Cover Replacement" of
 * one device do not.
 */
final class Titles {
  /** A site's decoration recurs; a segment on fewer of its pages is part of the title. */
  static final int MIN_AFFIX_PAGES = 3;

  private static final Pattern SEPARATOR =
      Pattern.compile("\\s+[-|\u2013\u2014\u00b7\u00bb:/]+\\s+|\\s*\\|\\s*");

  private Titles() {}

  /**
   * @param segments each segment's words joined by one space, in order
   * @param words all words of the title
   */
  record Title(List<String> segments, Set<String> words) {
    boolean isEmpty() {
      return words.isEmpty();
    }

    /** The first and last segments of a title with more than one. */
    List<String> affixes() {
      if (segments.size() < 2) return List.of();
      return List.of(segments.getFirst(), segments.getLast());
    }
  }

  static Title of(String title) {
    List<String> segments =
        SEPARATOR
            .splitAsStream(title)
            .map(s -> String.join(" ", Shingles.words(s)))
            .filter(s -> !s.isEmpty())
            .toList();
    Set<String> words = new HashSet<>();
    for (String s : segments) words.addAll(List.of(s.split(" ")));
    return new Title(segments, Set.copyOf(words));
  }

  static boolean agree(Title a, SiteModel siteA, Title b, SiteModel siteB) {
    return coreWithin(a, siteA, b) && coreWithin(b, siteB, a);
  }

  /** Whether every word of {@code a} outside its site's decoration is in {@code b}. */
  private static boolean coreWithin(Title a, SiteModel site, Title b) {
    for (int i = 0; i < a.segments().size(); i++) {
      String segment = a.segments().get(i);
      boolean end = i == 0 || i == a.segments().size() - 1;
      if (end
          && a.segments().size() > 1
          && site != null
          && site.affixCount(segment) >= MIN_AFFIX_PAGES) continue;
      for (String w : segment.split(" ")) if (!b.words().contains(w)) return false;
    }
    return true;
  }
}
