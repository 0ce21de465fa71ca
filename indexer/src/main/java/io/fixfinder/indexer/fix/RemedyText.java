package io.fixfinder.indexer.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A remedy's text reduced to what it says: English stems without stop words, links, numbers, codes,
 * or the words naming the product (every source of an issue names the same product and code, so
 * they would make any two remedies look alike).
 */
public final class RemedyText {
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Analyzer ENGLISH = new EnglishAnalyzer();

  private RemedyText() {}

  /**
   * The stems of {@code text}, leaving out tokens with digits and the stems of {@code names}
   * (brand, model, error codes).
   */
  public static Set<String> terms(String text, Collection<String> names) {
    Set<String> drop = new HashSet<>();
    for (String n : names) if (n != null && !n.isBlank()) drop.addAll(stems(n));
    Set<String> out = new HashSet<>();
    for (String s : stems(URL.matcher(text).replaceAll(" "))) {
      if (!drop.contains(s) && s.chars().noneMatch(Character::isDigit) && s.length() > 1)
        out.add(s);
    }
    return out;
  }

  private static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    try (TokenStream ts = ENGLISH.tokenStream("f", text.toLowerCase(Locale.ROOT))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }
}
