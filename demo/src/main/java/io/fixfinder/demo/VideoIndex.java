package io.fixfinder.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search over the fake API's videos: a video matches when its title, description or tags contain
 * most of the query's words (at least 60 %), ranked by how many match – title words counting double
 * – then by views. Filler words of repair queries ("how to fix", "repair") are ignored.
 */
final class VideoIndex {
  private static final Set<String> IGNORED =
      Set.of(
          "fix",
          "fixing",
          "fixed",
          "how",
          "to",
          "repair",
          "repairing",
          "the",
          "a",
          "an",
          "and",
          "or",
          "of",
          "for",
          "my",
          "on",
          "in",
          "with",
          "is",
          "it",
          "i",
          "video",
          "tutorial",
          "guide",
          "diy");

  private record Entry(JsonNode video, Set<String> title, Set<String> all, long views) {}

  private final List<Entry> entries = new ArrayList<>();

  VideoIndex(List<JsonNode> videos) {
    for (JsonNode v : videos) {
      JsonNode snippet = v.path("snippet");
      Set<String> title = tokens(snippet.path("title").asText(""));
      Set<String> all = new HashSet<>(title);
      all.addAll(tokens(snippet.path("description").asText("")));
      snippet.path("tags").forEach(t -> all.addAll(tokens(t.asText(""))));
      entries.add(new Entry(v, title, all, v.path("statistics").path("viewCount").asLong(0)));
    }
  }

  /** The matching videos, best first. An empty query returns every video by views. */
  List<JsonNode> search(String query) {
    List<String> words = words(query);
    int needed = (int) Math.ceil(words.size() * 0.6);
    record Hit(Entry entry, int matched, int score) {}
    List<Hit> hits = new ArrayList<>();
    for (Entry e : entries) {
      int matched = 0, score = 0;
      for (String w : words) {
        if (e.all().contains(w)) {
          matched++;
          score += e.title().contains(w) ? 2 : 1;
        }
      }
      if (matched >= needed) hits.add(new Hit(e, matched, score));
    }
    hits.sort(
        Comparator.comparingInt(Hit::matched)
            .thenComparingInt(Hit::score)
            .thenComparingLong(h -> h.entry().views())
            .reversed()
            .thenComparing(h -> h.entry().video().path("id").asText()));
    return hits.stream().map(h -> h.entry().video()).toList();
  }

  /** The query's words that count: lower case, apostrophes dropped, filler removed, distinct. */
  static List<String> words(String query) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : split(query)) if (!IGNORED.contains(w)) out.add(w);
    return List.copyOf(out);
  }

  /**
   * A text's tokens; hyphenated words ("wm-8420x") also count joined and in parts, so "wm8420x" and
   * "8420x" find them too.
   */
  static Set<String> tokens(String text) {
    Set<String> out = new HashSet<>();
    for (String w : split(text)) {
      out.add(w);
      if (w.contains("-")) {
        out.add(w.replace("-", ""));
        for (String part : w.split("-")) if (!part.isEmpty()) out.add(part);
      }
    }
    return out;
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    String normal = text.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
    for (String w : normal.split("[^\\p{L}\\p{N}-]+")) {
      String t = w.replaceAll("^-+|-+$", "");
      if (!t.isEmpty()) out.add(t);
    }
    return out;
  }
}
