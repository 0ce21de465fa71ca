package io.fixfinder.demo;

import io.fixfinder.demo.Catalogue.Brand;
import io.fixfinder.demo.Catalogue.ManualText;
import io.fixfinder.demo.Catalogue.Model;
import io.fixfinder.demo.Catalogue.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A printed-style PDF manual made with PDFBox and the Standard 14 fonts: a title page, numbered
 * sections with headings set larger than the text, and a troubleshooting table drawn as a table is
 * in real manuals – text in three columns at fixed x positions (Problem | Cause | What to do),
 * ruled cells, rows that wrap over several lines, and the header repeated when the table runs on to
 * the next page. Table recognition from text positions is what this exercises.
 */
final class PdfManual {
  private static final float LEFT = 56, RIGHT = 539, TOP = 790, BOTTOM = 72;
  private static final float[] COLUMNS = {56, 216, 376, 539};
  private static final float BODY = 10, BODY_LEADING = 13, TABLE = 9, TABLE_LEADING = 11;
  private static final float CELL_PAD = 5;
  private static final Map<Character, String> REPLACEMENTS =
      Map.of('Ω', " Ohm", '✔', "", '≥', ">=", '→', "->", '⚠', "!", '\uFE0F', "");

  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
  private final PDDocument doc = new PDDocument();
  private final String running;
  private final String footerName;
  private PDPageContentStream out;
  private float y;
  private int pages;

  private PdfManual(Brand brand, Model model) {
    this.running = brand.name() + " " + model.model() + " – User manual";
    this.footerName = model.model();
  }

  /** The manual of a model; {@code rows} is its troubleshooting table. */
  static byte[] write(
      Brand brand,
      Model model,
      String typeLabel,
      ManualText text,
      List<Row> rows,
      LocalDate edition) {
    PdfManual pdf = new PdfManual(brand, model);
    try {
      return pdf.render(brand, model, typeLabel, text, rows, edition);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF manual of " + model.model(), e);
    }
  }

  private byte[] render(
      Brand brand,
      Model model,
      String typeLabel,
      ManualText text,
      List<Row> rows,
      LocalDate edition)
      throws IOException {
    try (doc) {
      info(brand, model, typeLabel, edition);
      titlePage(brand, model, typeLabel, edition);
      newPage();
      heading("Contents");
      for (String s :
          List.of(
              "1  Safety instructions",
              "2  Installation",
              "3  Operation",
              "4  Care and cleaning",
              "5  Troubleshooting",
              "6  Technical data",
              "7  Service and warranty")) {
        line(regular, BODY, LEFT + 10, s);
      }
      space(10);
      heading("1  Safety instructions");
      paragraphs(List.of(fill(text.intro(), brand, model, typeLabel)));
      paragraphs(text.safety());
      heading("2  Installation");
      paragraphs(fill(text.installation(), brand, model, typeLabel));
      heading("3  Operation");
      paragraphs(fill(text.operation(), brand, model, typeLabel));
      heading("4  Care and cleaning");
      paragraphs(fill(text.care(), brand, model, typeLabel));
      heading("5  Troubleshooting");
      paragraphs(
          List.of(
              "Many faults can be solved without calling service. If the display shows an error code, look it up in the Problem column. Switch off and unplug the appliance before any check inside it."));
      table(rows);
      space(6);
      paragraphs(
          List.of("If the fault persists, note the model and serial number and contact service."));
      heading("6  Technical data");
      for (List<String> spec : model.specs()) {
        ensure(BODY_LEADING);
        y -= BODY_LEADING;
        text(regular, BODY, LEFT, y, spec.getFirst());
        text(regular, BODY, LEFT + 190, y, String.join(", ", spec.subList(1, spec.size())));
      }
      space(8);
      heading("7  Service and warranty");
      paragraphs(
          List.of(
              "The appliance is covered by a 2-year manufacturer's warranty from the date of purchase. Keep your receipt.",
              brand.service() + ".",
              "Genuine spare parts are available for at least 10 years after the end of production."));
      footer();
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private void info(Brand brand, Model model, String typeLabel, LocalDate edition) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(
        brand.name() + " " + model.model() + " " + Text.capitalize(typeLabel) + " – User Manual");
    info.setAuthor(brand.name());
    info.setSubject("User manual, installation and troubleshooting");
    info.setKeywords(
        brand.name() + ", " + model.model() + ", manual, troubleshooting, error codes");
    info.setCreator("ManualVault");
    info.setProducer("ManualVault PDF service");
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    date.clear();
    date.set(edition.getYear(), edition.getMonthValue() - 1, edition.getDayOfMonth(), 9, 0, 0);
    info.setCreationDate(date);
    info.setModificationDate(date);
    // A fixed id: PDFBox would otherwise derive the trailer /ID from the current time.
    doc.setDocumentId((long) (brand.name() + model.model()).hashCode());
  }

  private void titlePage(Brand brand, Model model, String typeLabel, LocalDate edition)
      throws IOException {
    newPage();
    out.setNonStrokingColor(0.11f, 0.31f, 0.54f);
    out.addRect(0, 700, PDRectangle.A4.getWidth(), 142);
    out.fill();
    out.setNonStrokingColor(1f, 1f, 1f);
    text(bold, 32, LEFT, 760, brand.name());
    text(italic, 12, LEFT, 735, brand.tagline());
    out.setNonStrokingColor(0f, 0f, 0f);
    text(bold, 24, LEFT, 600, model.model());
    text(regular, 16, LEFT, 572, Text.capitalize(typeLabel));
    text(bold, 20, LEFT, 500, "User manual");
    text(regular, 11, LEFT, 478, "Installation · Operation · Care · Troubleshooting");
    text(regular, 11, LEFT, 440, "Read these instructions carefully before using the appliance.");
    text(regular, 11, LEFT, 425, "Keep them for future reference.");
    String doc =
        brand.slug().substring(0, 2).toUpperCase(Locale.ROOT)
            + "-"
            + model.slug().toUpperCase(Locale.ROOT).replace("-", "");
    text(
        regular,
        8,
        LEFT,
        90,
        "Edition "
            + String.format(Locale.ROOT, "%02d/%d", edition.getMonthValue(), edition.getYear())
            + " · Doc. no. "
            + doc
            + "-EN");
    text(
        regular,
        8,
        LEFT,
        78,
        "© " + edition.getYear() + " " + brand.name() + ". Subject to technical changes.");
  }

  // ---- flowing text ------------------------------------------------------------------------

  private void newPage() throws IOException {
    if (out != null) {
      footer();
      out.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    pages++;
    out = new PDPageContentStream(doc, page);
    y = TOP;
    if (pages > 1) {
      text(regular, 8, LEFT, 812, running);
      out.setLineWidth(0.5f);
      out.moveTo(LEFT, 806);
      out.lineTo(RIGHT, 806);
      out.stroke();
    }
  }

  /** Page numbers at the left margin only, so a footer never looks like a table cell. */
  private void footer() throws IOException {
    if (pages > 1) text(regular, 8, LEFT, 42, footerName + " · page " + pages);
  }

  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM) newPage();
  }

  private void space(float points) {
    y -= points;
  }

  private void heading(String s) throws IOException {
    ensure(60);
    y -= 22;
    text(bold, 14, LEFT, y, s);
    y -= 6;
  }

  private void line(PDType1Font font, float size, float x, String s) throws IOException {
    ensure(BODY_LEADING);
    y -= BODY_LEADING;
    text(font, size, x, y, s);
  }

  private void paragraphs(List<String> paragraphs) throws IOException {
    for (String p : paragraphs) {
      boolean bullet = p.startsWith("- ");
      String body = bullet ? p.substring(2) : p;
      float indent = bullet ? 14 : 0;
      List<String> lines = wrap(body, regular, BODY, RIGHT - LEFT - indent);
      for (int i = 0; i < lines.size(); i++) {
        ensure(BODY_LEADING);
        y -= BODY_LEADING;
        if (bullet && i == 0) text(regular, BODY, LEFT + 4, y, "•");
        text(regular, BODY, LEFT + indent, y, lines.get(i));
      }
      y -= 5;
    }
  }

  // ---- the table ---------------------------------------------------------------------------

  private void table(List<Row> rows) throws IOException {
    tableHeader();
    for (Row row : rows) {
      List<List<String>> cells =
          List.of(
              wrap(row.problem(), bold, TABLE, width(0)),
              wrap(row.cause(), regular, TABLE, width(1)),
              wrap(row.remedy(), regular, TABLE, width(2)));
      int lines = cells.stream().mapToInt(List::size).max().orElse(1);
      float height = lines * TABLE_LEADING + 2 * CELL_PAD;
      if (y - height < BOTTOM) {
        newPage();
        text(bold, BODY, LEFT, y - BODY_LEADING, "Troubleshooting (continued)");
        y -= BODY_LEADING + 8;
        tableHeader();
      }
      float top = y;
      for (int c = 0; c < 3; c++) {
        float baseline = top - CELL_PAD - TABLE;
        for (String s : cells.get(c)) {
          text(c == 0 ? bold : regular, TABLE, COLUMNS[c] + 4, baseline, s);
          baseline -= TABLE_LEADING;
        }
      }
      y = top - height;
      rule(top, y);
    }
  }

  private void tableHeader() throws IOException {
    float height = TABLE_LEADING + 2 * CELL_PAD;
    ensure(height + 40);
    float top = y;
    out.setNonStrokingColor(0.88f, 0.9f, 0.93f);
    out.addRect(COLUMNS[0], top - height, COLUMNS[3] - COLUMNS[0], height);
    out.fill();
    out.setNonStrokingColor(0f, 0f, 0f);
    String[] titles = {"Problem", "Cause", "What to do"};
    for (int c = 0; c < 3; c++)
      text(bold, TABLE, COLUMNS[c] + 4, top - CELL_PAD - TABLE, titles[c]);
    y = top - height;
    rule(top, y);
  }

  /** The cell borders of one row. */
  private void rule(float top, float bottom) throws IOException {
    out.setLineWidth(0.6f);
    out.addRect(COLUMNS[0], bottom, COLUMNS[3] - COLUMNS[0], top - bottom);
    out.moveTo(COLUMNS[1], top);
    out.lineTo(COLUMNS[1], bottom);
    out.moveTo(COLUMNS[2], top);
    out.lineTo(COLUMNS[2], bottom);
    out.stroke();
  }

  private static float width(int column) {
    return COLUMNS[column + 1] - COLUMNS[column] - 8;
  }

  // ---- text --------------------------------------------------------------------------------

  private void text(PDType1Font font, float size, float x, float at, String s) throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, at);
    out.showText(safe(s, font));
    out.endText();
  }

  private List<String> wrap(String s, PDType1Font font, float size, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : safe(s, font).split("\\s+")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
        lines.add(current.toString());
        current.setLength(0);
        current.append(word);
      } else {
        current.setLength(0);
        current.append(candidate);
      }
    }
    if (!current.isEmpty()) lines.add(current.toString());
    return lines;
  }

  /** Text the Standard 14 fonts can show (WinAnsi): a few symbols spelled out, others dropped. */
  private static String safe(String s, PDType1Font font) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = REPLACEMENTS.get(c);
      if (r != null) {
        sb.append(r);
        continue;
      }
      try {
        font.encode(String.valueOf(c));
        sb.append(c);
      } catch (IllegalArgumentException | IOException e) {
        sb.append('?');
      }
    }
    return sb.toString();
  }

  private static String fill(String s, Brand brand, Model model, String typeLabel) {
    return s.replace("{brand}", brand.name())
        .replace("{model}", model.model())
        .replace("{type}", typeLabel);
  }

  private static List<String> fill(List<String> list, Brand brand, Model model, String typeLabel) {
    return list.stream().map(s -> fill(s, brand, model, typeLabel)).toList();
  }
}
