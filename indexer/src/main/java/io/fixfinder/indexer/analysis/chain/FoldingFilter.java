package io.fixfinder.indexer.analysis.chain;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * One pass per token that does three things:
 *
 * <ul>
 *   <li>drops an English possessive ({@code machine's} to {@code machine});
 *   <li>drops the apostrophes inside it, so "won't" and "wont" meet;
 *   <li>applies ICU folding (case, accents, width, compatibility forms), so "Spülmaschine" and
 *       "spulmaschine" meet and text in other scripts stays findable.
 * </ul>
 *
 * <p>A token of plain ASCII only needs lower case, which the same loop does without the normaliser.
 * Most tokens are ASCII. Separate filters and the normaliser on every token cost a fifth of
 * indexing time.
 */
public final class FoldingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public FoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    char[] t = term.buffer();
    int n = term.length();
    if (n >= 2 && (t[n - 1] == 's' || t[n - 1] == 'S') && isApostrophe(t[n - 2])) n -= 2;
    boolean ascii = true;
    int w = 0;
    for (int r = 0; r < n; r++) {
      char c = t[r];
      if (isApostrophe(c)) continue;
      if (c >= 0x80) ascii = false;
      else if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      t[w++] = c;
    }
    term.setLength(w);
    if (!ascii) {
      String folded = ICUFoldingFilter.NORMALIZER.normalize(term);
      term.setEmpty().append(folded);
    }
    return true;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == '`' || c == '\uFF07';
  }
}
