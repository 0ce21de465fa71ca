package io.fixfinder.crawler.parse.pdf;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.crawler.parse.Extractor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF manuals with PDFBox: split into sections at headings (lines set larger than body text), and
 * troubleshooting tables recognised from word positions: a header line naming a problem, a cause
 * and a remedy column fixes the column bounds; following lines are cut into cells by x; a wider
 * vertical gap or a new text in the problem column starts a new row. A table may run over pages.
 * Every row is its own record, linked to the manual and its page number.
 */
public final class PdfManualExtractor implements Extractor {
  private static final Logger log = LoggerFactory.getLogger(PdfManualExtractor.class);
  private static final long MAX_PDF_MEMORY = 64L * 1024 * 1024;

  @Override
  public List<Draft> extract(FetchedPage page) {
    String url = page.url().toString();
    try (PDDocument pdf =
        Loader.loadPDF(
            new RandomAccessReadBuffer(page.body()),
            "",
            null,
            null,
            MemoryUsageSetting.setupMixed(MAX_PDF_MEMORY).streamCache)) {
      List<PdfLines.Line> lines = PdfLines.read(pdf);
      String title = title(pdf, lines, url);
      List<Draft> drafts = new ArrayList<>();
      drafts.addAll(sections(url, title, lines));
      drafts.addAll(tableRows(url, title, lines));
      return drafts;
    } catch (IOException | RuntimeException e) {
      log.info("PDF {} skipped: {}", url, e.toString());
      return List.of();
    }
  }

  private static String title(PDDocument pdf, List<PdfLines.Line> lines, String url) {
    String meta =
        pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
    if (meta != null && !meta.isBlank()) return meta.strip();
    return lines.stream()
        .filter(l -> l.page() == 1)
        .max((a, b) -> Float.compare(a.maxSize(), b.maxSize()))
        .map(PdfLines.Line::text)
        .orElse(url.substring(url.lastIndexOf('/') + 1));
  }

  private static float bodySize(List<PdfLines.Line> lines) {
    List<Float> sizes = new ArrayList<>();
    for (PdfLines.Line l : lines) for (PdfLines.Word w : l.words()) sizes.add(w.size());
    if (sizes.isEmpty()) return 10;
    sizes.sort(Float::compare);
    return sizes.get(sizes.size() / 2);
  }

  /** One record per section (heading to next heading), with the page it starts on. */
  private static List<Draft> sections(String url, String title, List<PdfLines.Line> lines) {
    float body = bodySize(lines);
    List<Draft> drafts = new ArrayList<>();
    String heading = title;
    int page = 1;
    StringBuilder text = new StringBuilder();
    int n = 0;
    for (PdfLines.Line line : lines) {
      boolean isHeading = line.maxSize() >= body * 1.25f && line.text().length() < 90;
      if (isHeading) {
        if (text.length() > 40)
          drafts.add(section(url, title, heading, page, text.toString(), ++n));
        heading = line.text();
        page = line.page();
        text.setLength(0);
      } else {
        text.append(line.text()).append('\n');
      }
    }
    if (text.length() > 40) drafts.add(section(url, title, heading, page, text.toString(), ++n));
    return drafts;
  }

  private static Draft section(
      String url, String title, String heading, int page, String text, int n) {
    return new Draft(
        url + "#page=" + page + "&section=" + n,
        SourceKind.MANUAL,
        heading.equals(title) ? title : title + " — " + heading,
        text,
        ProductRef.UNKNOWN,
        false,
        Instant.EPOCH,
        new Details.ManualSection(url, title, page, "", "", ""));
  }

  private record Columns(float cause, float remedy) {
    int of(float x) {
      if (x >= remedy - 2) return 2;
      if (x >= cause - 2) return 1;
      return 0;
    }
  }

  private static List<Draft> tableRows(String url, String title, List<PdfLines.Line> lines) {
    float body = bodySize(lines);
    List<Draft> drafts = new ArrayList<>();
    Columns columns = null;
    StringBuilder[] cells = null;
    int rowPage = 0;
    float lastY = 0;
    int lastPage = 0;
    float rowGap = body * 1.6f;
    for (PdfLines.Line line : lines) {
      Columns header = header(line);
      if (header != null) {
        if (cells != null) flushRow(drafts, url, title, cells, rowPage);
        columns = header;
        cells = null;
        lastY = line.y();
        lastPage = line.page();
        continue;
      }
      if (columns == null) continue;
      boolean heading = line.maxSize() >= body * 1.25f;
      if (heading) { // the table ended at a new section
        if (cells != null) flushRow(drafts, url, title, cells, rowPage);
        columns = null;
        cells = null;
        continue;
      }
      StringBuilder[] lineCells = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
      for (PdfLines.Word w : line.words()) {
        StringBuilder cell = lineCells[columns.of(w.x())];
        cell.append(cell.isEmpty() ? "" : " ").append(w.text());
      }
      boolean newPage = line.page() != lastPage;
      boolean gap = !newPage && line.y() - lastY > rowGap;
      boolean startsRow =
          cells == null
              || gap
              || (!lineCells[0].isEmpty() && looksLikeRowStart(lineCells[0].toString()));
      if (lineCells[1].isEmpty() && lineCells[2].isEmpty() && cells != null && gap) {
        // body text after the table: close it
        flushRow(drafts, url, title, cells, rowPage);
        columns = null;
        cells = null;
        continue;
      }
      if (startsRow) {
        if (cells != null) flushRow(drafts, url, title, cells, rowPage);
        cells = new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        rowPage = line.page();
      }
      for (int i = 0; i < 3; i++) {
        if (!lineCells[i].isEmpty())
          cells[i].append(cells[i].isEmpty() ? "" : " ").append(lineCells[i]);
      }
      lastY = line.y();
      lastPage = line.page();
    }
    if (cells != null) flushRow(drafts, url, title, cells, rowPage);
    return drafts;
  }

  /** An error code or a capitalised phrase at the start of the problem cell opens a row. */
  private static boolean looksLikeRowStart(String problem) {
    return problem.matches("^(?:[A-Z]{1,2}-?\\d{1,3}|OE|0E)\\b.*");
  }

  private static Columns header(PdfLines.Line line) {
    String text = line.text().toLowerCase(Locale.ROOT);
    if (!text.contains("problem") && !text.contains("symptom") && !text.contains("fault"))
      return null;
    if (!text.contains("cause")) return null;
    float cause = -1, remedy = -1;
    List<PdfLines.Word> words = line.words();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text().toLowerCase(Locale.ROOT);
      if (cause < 0 && w.startsWith("cause")) cause = words.get(i).x();
      if (cause >= 0
          && remedy < 0
          && (w.equals("what")
              || w.startsWith("remed")
              || w.startsWith("solution")
              || w.startsWith("action"))) {
        remedy = words.get(i).x();
      }
      if (w.equals("possible")
          && i + 1 < words.size()
          && words.get(i + 1).text().toLowerCase(Locale.ROOT).startsWith("cause")) {
        cause = words.get(i).x();
      }
    }
    if (cause < 0 || remedy < 0 || remedy <= cause) return null;
    return new Columns(cause, remedy);
  }

  private static void flushRow(
      List<Draft> drafts, String url, String title, StringBuilder[] cells, int page) {
    String problem = cells[0].toString().strip();
    String cause = cells[1].toString().strip();
    String remedy = cells[2].toString().strip();
    if (problem.isEmpty() || remedy.isEmpty()) return;
    int n = drafts.size() + 1;
    drafts.add(
        new Draft(
            url + "#page=" + page + "&row=" + n,
            SourceKind.MANUAL,
            title + " — " + problem,
            problem + "\nCause: " + cause + "\nWhat to do: " + remedy,
            ProductRef.UNKNOWN,
            true,
            Instant.EPOCH,
            new Details.ManualSection(url, title, page, problem, cause, remedy)));
  }
}
