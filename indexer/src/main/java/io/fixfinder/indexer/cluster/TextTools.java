package io.fixfinder.indexer.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word splitting shared by fault facets and labels: lower case, no accents, no apostrophes. */
final class TextTools {
  private TextTools() {}

  /**
   * French and Italian elided articles and prepositions: an apostrophe after one of these ends a
   * word ("l'écran" is [l, ecran], "dell'alimentatore" [dell, alimentatore]); after any other word
   * it is dropped ("won't" is [wont]).
   */
  private static final Set<String> ELISIONS =
      Set.of("l", "d", "n", "s", "j", "c", "m", "qu", "dell", "nell", "all", "dall", "sull", "un");

  /** "Won't DRAIN – l'écran" gives [wont, drain, l, ecran]. */
  static List<String> words(String text) {
    String s =
        Normalizer.normalize(repairMojibake(text), Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      if (c == '\'' || c == '’' || c == '`' || c == 'ʼ') {
        if (!word.isEmpty() && ELISIONS.contains(word.toString())) {
          out.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      if (c == 'ß') {
        word.append("ss");
      } else if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (!word.isEmpty()) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) out.add(word.toString());
    return out;
  }

  /**
   * Undoes the commonest damage in exported repair data: UTF-8 letters read as Latin-1 or
   * Windows-1252 ("Ã©" for "é"), also when the lead character was lost to a "?" ("d?©marre"). Both
   * leave a continuation byte (U+0080 to U+00BF) after "Ã" or "?", which no real text has.
   */
  static String repairMojibake(String text) {
    if (text.indexOf('Ã') < 0 && text.indexOf('?') < 0) return text;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if ((c == 'Ã' || c == '?') && next >= 0x80 && next <= 0xBF) {
        out.append((char) (0xC0 + (next - 0x80)));
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Lines of a UTF-8 resource beside this class, without blank lines and '#' comments. */
  static List<String> resourceLines(String name) {
    try (InputStream in = TextTools.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("cluster resource missing: " + name);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) lines.add(t);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cluster resource " + name, e);
    }
  }

  static final Set<String> STOPWORDS = new HashSet<>(resourceLines("stopwords.txt"));
  static final Set<String> GENERIC = new HashSet<>(resourceLines("generic-words.txt"));

  /** Colours, units and headings: never a label word of their own (labels only). */
  static final Set<String> LABEL_NOISE = new HashSet<>(resourceLines("label-noise.txt"));

  /** Heading and product-name words ("troubleshooting", "series"): never in a label. */
  static final Set<String> LABEL_HEADINGS = new HashSet<>(resourceLines("label-headings.txt"));

  /** Words that are neither stop words nor generic nor numbers. */
  static int specificWords(String text) {
    int n = 0;
    for (String w : words(text)) {
      if (w.length() >= 2
          && !STOPWORDS.contains(w)
          && !GENERIC.contains(w)
          && !w.chars().allMatch(Character::isDigit)) n++;
    }
    return n;
  }

  /**
   * Candidate label phrases of a text: runs of one to three words that neither start nor end with a
   * stop word and hold at least one word that is neither generic nor label noise (a colour, a unit,
   * a heading); distinct, in order.
   */
  static List<String> phrases(String text, int max) {
    return phrases(text, max, Set.of());
  }

  /** The same, never using a word of {@code exclude} (the record's brand and model words). */
  static List<String> phrases(String text, int max, Set<String> exclude) {
    List<String> words = words(text);
    List<String> out = new ArrayList<>();
    for (int n = 3; n >= 1; n--) {
      for (int i = 0; i + n <= words.size(); i++) {
        String first = words.get(i);
        String last = words.get(i + n - 1);
        if (STOPWORDS.contains(first) || STOPWORDS.contains(last)) continue;
        boolean specific = false;
        boolean ok = true;
        for (int k = i; k < i + n; k++) {
          String w = words.get(k);
          if (w.length() < 2
              || w.chars().anyMatch(Character::isDigit)
              || exclude.contains(w)
              || LABEL_HEADINGS.contains(w)) ok = false;
          if (!STOPWORDS.contains(w) && !GENERIC.contains(w) && !LABEL_NOISE.contains(w))
            specific = true;
        }
        if (!ok || !specific) continue;
        String phrase = String.join(" ", words.subList(i, i + n));
        if (!out.contains(phrase)) out.add(phrase);
      }
    }
    return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
  }
}
