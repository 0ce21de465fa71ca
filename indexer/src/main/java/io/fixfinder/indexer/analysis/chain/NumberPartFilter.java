package io.fixfinder.indexer.analysis.chain;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A token mixing letters and digits ({@code wm8420x}, {@code e18}) is kept whole and its runs of
 * two or more digits are added at the same position ({@code 8420}, {@code 18}), so a partial model
 * number finds the whole one. Other tokens pass untouched and nothing is buffered for them: unlike
 * a word-delimiter graph, this needs no graph flattening, which cost a third of indexing time.
 */
public final class NumberPartFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private State whole;
  private char[] buffer = new char[32];
  private int length;
  private int cursor;

  public NumberPartFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (whole != null) {
      while (cursor < length) {
        int start = cursor;
        while (start < length && !Character.isDigit(buffer[start])) start++;
        int end = start;
        while (end < length && Character.isDigit(buffer[end])) end++;
        cursor = end;
        if (end - start >= 2) {
          restoreState(whole);
          term.copyBuffer(buffer, start, end - start);
          posInc.setPositionIncrement(0);
          return true;
        }
      }
      whole = null;
    }
    if (!input.incrementToken()) return false;
    char[] t = term.buffer();
    int n = term.length();
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < n && !(letter && digit); i++) {
      char c = t[i];
      if (c < 0x80) { // ASCII, the common case, without the Unicode tables
        if (c >= '0' && c <= '9') digit = true;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letter = true;
      } else if (Character.isDigit(c)) digit = true;
      else if (Character.isLetter(c)) letter = true;
    }
    if (letter && digit) {
      if (buffer.length < n) buffer = new char[n];
      System.arraycopy(t, 0, buffer, 0, n);
      length = n;
      cursor = 0;
      whole = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    whole = null;
    length = 0;
    cursor = 0;
  }
}
