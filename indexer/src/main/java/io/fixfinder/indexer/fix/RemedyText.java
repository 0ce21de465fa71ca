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

  /** "E-18", "e18", "E018", "F-05": a code's letters, an optional hyphen, leading zeros. */
  private static final Pattern CODE_JOINED =
      Pattern.compile("(?<![\\p{L}\\p{N}])([A-Za-z]{1,2})-?0*(\\d{1,3})(?![\\p{L}\\p{N}])");

  /**
   * "E 18": spaced only with capital letters, so that "a 3 amp fuse" or "to 2" stay as they are.
   */
  private static final Pattern CODE_SPACED =
      Pattern.compile("(?<![\\p{L}\\p{N}])([A-Z]{1,2}) 0*(\\d{1,3})(?![\\p{L}\\p{N}])");

  private static final Pattern SPACE = Pattern.compile("\\s+");

  private RemedyText() {}

  /**
   * The statement as it is embedded and compared: links removed, spaces collapsed, and error-code
   * spellings made one ("E-18", "E 18", "e18", "E018" are all "E18"), so that two sources quoting
   * the same code in different hands agree, and the vector cache holds one entry for them.
   */
  public static String statement(String text) {
    String s = URL.matcher(text).replaceAll(" ");
    s = CODE_SPACED.matcher(s).replaceAll(m -> m.group(1) + m.group(2));
    s = CODE_JOINED.matcher(s).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT) + m.group(2));
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

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
