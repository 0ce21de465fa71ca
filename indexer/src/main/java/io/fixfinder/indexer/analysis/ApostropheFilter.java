package io.fixfinder.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops an English possessive ({@code machine's} to {@code machine}) and then every apostrophe
 * inside a token, so "won't" and "wont" meet. One char loop doing the work of a possessive filter
 * and a regular-expression filter.
 */
final class ApostropheFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  ApostropheFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    char[] t = term.buffer();
    int n = term.length();
    if (n >= 2 && (t[n - 1] == 's' || t[n - 1] == 'S') && isApostrophe(t[n - 2])) n -= 2;
    int w = 0;
    for (int r = 0; r < n; r++) {
      char c = t[r];
      if (!isApostrophe(c)) t[w++] = c;
    }
    term.setLength(w);
    return true;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == '`' || c == '\uFF07';
  }
}
