package io.fixfinder.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * ICU folding (case, accents, width, compatibility forms: "Spülmaschine" and "spulmaschine" meet,
 * text in other scripts stays findable) with a fast path: a token of plain ASCII only needs lower
 * case, which a loop does without the normaliser. Most tokens are ASCII; the normaliser per token
 * cost a tenth of indexing time.
 */
final class FoldingFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  FoldingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    char[] t = term.buffer();
    int n = term.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = t[i];
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      if (c >= 'A' && c <= 'Z') t[i] = (char) (c + ('a' - 'A'));
    }
    if (!ascii) {
      String folded = ICUFoldingFilter.NORMALIZER.normalize(term);
      term.setEmpty().append(folded);
    }
    return true;
  }
}
