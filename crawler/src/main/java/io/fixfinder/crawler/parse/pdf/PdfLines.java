package io.fixfinder.crawler.parse.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF page as positioned lines of words: what table recognition needs and plain text loses.
 * PDFBox gives glyph positions; we group them into words (by gaps) and lines (by baseline).
 */
final class PdfLines {

  /** A word at a horizontal position, with its font size. */
  record Word(String text, float x, float endX, float size) {}

  /** A line of words at a baseline y (top-down), 1-based page number. */
  record Line(int page, float y, List<Word> words) {
    String text() {
      StringBuilder sb = new StringBuilder();
      for (Word w : words) sb.append(sb.isEmpty() ? "" : " ").append(w.text());
      return sb.toString();
    }

    float maxSize() {
      float max = 0;
      for (Word w : words) max = Math.max(max, w.size());
      return max;
    }
  }

  private PdfLines() {}

  static List<Line> read(PDDocument pdf) throws IOException {
    List<Line> lines = new ArrayList<>();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty()) return;
            int page = getCurrentPageNo();
            float y = positions.getFirst().getYDirAdj();
            List<Word> words = words(positions);
            Line last = lines.isEmpty() ? null : lines.getLast();
            if (last != null && last.page() == page && Math.abs(last.y() - y) < 2f) {
              last.words().addAll(words);
              last.words().sort((a, b) -> Float.compare(a.x(), b.x()));
            } else {
              lines.add(new Line(page, y, new ArrayList<>(words)));
            }
          }
        };
    stripper.setSortByPosition(true);
    stripper.getText(pdf);
    return lines;
  }

  /** Splits glyphs into words at spaces and at gaps wider than a third of the font size. */
  private static List<Word> words(List<TextPosition> positions) {
    List<Word> words = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    float start = 0, end = 0, size = 0;
    for (TextPosition p : positions) {
      String ch = p.getUnicode();
      float x = p.getXDirAdj();
      boolean gap = !sb.isEmpty() && x - end > Math.max(1.5f, p.getFontSizeInPt() * 0.33f);
      if (ch == null || ch.isBlank() || gap) {
        if (!sb.isEmpty()) words.add(new Word(sb.toString(), start, end, size));
        sb.setLength(0);
        if (ch == null || ch.isBlank()) continue;
      }
      if (sb.isEmpty()) {
        start = x;
        size = p.getFontSizeInPt();
      }
      sb.append(ch);
      end = x + p.getWidthDirAdj();
    }
    if (!sb.isEmpty()) words.add(new Word(sb.toString(), start, end, size));
    return words;
  }
}
