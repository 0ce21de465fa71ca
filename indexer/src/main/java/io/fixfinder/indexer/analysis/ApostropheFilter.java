package io.fixfinder.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops apostrophes inside tokens, so "won't" and "wont" meet (a char loop, not a regex). */
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
    int w = 0;
    for (int r = 0; r < n; r++) {
      char c = t[r];
      if (c != '\'' && c != '’' && c != '`') t[w++] = c;
    }
    if (w != n) term.setLength(w);
    return true;
  }
}
