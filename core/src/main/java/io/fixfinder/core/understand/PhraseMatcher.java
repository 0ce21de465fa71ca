package io.fixfinder.core.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds whole-word phrases in text normalised by {@link KeyExtractor#normalise}: a map from first
 * word to the phrases starting with it, longest first, so "washing machine" wins over "washing".
 * Linear in the number of words for the lexicon sizes we have.
 */
final class PhraseMatcher<V> {
  private record Entry<V>(String[] words, V value) {}

  private final Map<String, List<Entry<V>>> byFirstWord;

  private PhraseMatcher(Map<String, List<Entry<V>>> byFirstWord) {
    this.byFirstWord = byFirstWord;
  }

  static <V> Builder<V> builder() {
    return new Builder<>();
  }

  static final class Builder<V> {
    private final Map<String, List<Entry<V>>> map = new HashMap<>();

    Builder<V> add(String phrase, V value) {
      String[] words = KeyExtractor.normalise(phrase).trim().split(" ");
      if (words.length == 0 || words[0].isEmpty()) return this;
      map.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Entry<>(words, value));
      return this;
    }

    PhraseMatcher<V> build() {
      map.values()
          .forEach(l -> l.sort((a, b) -> Integer.compare(b.words().length, a.words().length)));
      return new PhraseMatcher<>(map);
    }
  }

  /** Distinct values found, in order of first appearance. */
  List<V> findAll(String normalised) {
    return findAll(normalised.trim().split(" "));
  }

  /** Distinct values found in normalised words, in order of first appearance. */
  List<V> findAll(String[] words) {
    return List.copyOf(new LinkedHashSet<>(findAllInOrder(words)));
  }

  /** Every match in order, longest phrase at each position, matches not overlapping. */
  List<V> findAllInOrder(String normalised) {
    return findAllInOrder(normalised.trim().split(" "));
  }

  /** {@link #findAllInOrder(String)} over text already split into normalised words. */
  List<V> findAllInOrder(String[] words) {
    List<V> found = new ArrayList<>();
    for (Match<V> m : matches(words)) found.add(m.value());
    return found;
  }

  /** A phrase found at words {@code [start, end)}. */
  record Match<V>(V value, int start, int end) {}

  /** Every match with its word positions, longest phrase at each position, not overlapping. */
  List<Match<V>> matches(String[] words) {
    List<Match<V>> found = new ArrayList<>();
    int i = 0;
    while (i < words.length) {
      int advance = 1;
      List<Entry<V>> candidates = byFirstWord.get(words[i]);
      if (candidates != null) {
        for (Entry<V> e : candidates) {
          if (matchesAt(words, i, e.words())) {
            found.add(new Match<>(e.value(), i, i + e.words().length));
            advance = e.words().length;
            break;
          }
        }
      }
      i += advance;
    }
    return found;
  }

  /** The longest phrase starting exactly at word {@code at}, if any. */
  java.util.Optional<Match<V>> at(String[] words, int at) {
    if (at < 0 || at >= words.length) return java.util.Optional.empty();
    List<Entry<V>> candidates = byFirstWord.get(words[at]);
    if (candidates == null) return java.util.Optional.empty();
    for (Entry<V> e : candidates) {
      if (matchesAt(words, at, e.words()))
        return java.util.Optional.of(new Match<>(e.value(), at, at + e.words().length));
    }
    return java.util.Optional.empty();
  }

  private static boolean matchesAt(String[] words, int at, String[] phrase) {
    if (at + phrase.length > words.length) return false;
    for (int j = 0; j < phrase.length; j++) {
      if (!words[at + j].equals(phrase[j])) return false;
    }
    return true;
  }
}
