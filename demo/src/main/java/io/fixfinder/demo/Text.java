package io.fixfinder.demo;

import java.text.Normalizer;
import java.util.Locale;

/** Small string helpers shared by the page writers. */
final class Text {
  private Text() {}

  /** A URL segment: ASCII, lower case, words joined by hyphens, at most about 70 characters. */
  static String slug(String s) {
    String ascii =
        Normalizer.normalize(s, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("'", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() <= 70) return ascii;
    String cut = ascii.substring(0, 70);
    int dash = cut.lastIndexOf('-');
    return dash > 30 ? cut.substring(0, dash) : cut;
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The first {@code max} characters, cut at a word, with an ellipsis when cut. */
  static String shorten(String s, int max) {
    String one = s.replaceAll("\\s+", " ").strip();
    if (one.length() <= max) return one;
    int space = one.lastIndexOf(' ', max - 1);
    return one.substring(0, space > max / 2 ? space : max - 1) + "…";
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
