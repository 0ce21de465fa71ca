package io.fixfinder.crawler.ords;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.crawler.parse.Dates;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Imports Open Repair Data Standard CSV (see {@code ../shared/data/openrepair/tableschema.json}) as
 * repair reports: "people who had this issue", with the outcome. Bad rows are counted with a reason
 * and skipped, never fatal.
 */
public final class OrdsImporter {
  static final int MAX_FIELD = 20_000;
  private static final List<String> REQUIRED =
      List.of("id", "product_category", "repair_status", "problem");

  /** What an import did: rows read, records written, rows skipped by reason. */
  public record Report(long rows, long imported, Map<String, Long> skipped) {}

  private final KeyExtractor extractor;
  private final Map<String, String> typeByCategory = new HashMap<>();

  public OrdsImporter(KeyExtractor extractor) {
    this.extractor = extractor;
    for (Lexicon.ProductType type : extractor.lexicon().types()) {
      if (!type.ords().isEmpty())
        typeByCategory.putIfAbsent(type.ords().toLowerCase(Locale.ROOT), type.id());
    }
  }

  public Report read(Reader input, String source, Consumer<SourceDoc> sink) throws IOException {
    Map<String, Long> skipped = new TreeMap<>();
    long rows = 0;
    long imported = 0;
    try (CsvReader csv = new CsvReader(input, MAX_FIELD)) {
      Optional<List<String>> header = csv.next();
      if (header.isEmpty()) throw new IOException(source + " is empty");
      Map<String, Integer> col = new HashMap<>();
      List<String> names = header.get();
      for (int i = 0; i < names.size(); i++) col.put(names.get(i).strip().replace("\uFEFF", ""), i);
      for (String required : REQUIRED) {
        if (!col.containsKey(required))
          throw new IOException(source + " lacks the ORDS column '" + required + "'");
      }
      Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        rows++;
        List<String> r = row.get();
        if (r.size() == 1 && r.getFirst().isBlank()) {
          rows--;
          continue;
        }
        if (r.size() != names.size()) {
          skipped.merge("wrong number of columns", 1L, Long::sum);
          continue;
        }
        String id = r.get(col.get("id")).strip();
        String problem = r.get(col.get("problem")).strip();
        String status = r.get(col.get("repair_status")).strip();
        if (id.isEmpty()) {
          skipped.merge("missing id", 1L, Long::sum);
          continue;
        }
        if (problem.isEmpty()) {
          skipped.merge("empty problem", 1L, Long::sum);
          continue;
        }
        sink.accept(toDoc(r, col, id, problem, status));
        imported++;
      }
    }
    return new Report(rows, imported, skipped);
  }

  private SourceDoc toDoc(
      List<String> r, Map<String, Integer> col, String id, String problem, String status) {
    String category = get(r, col, "product_category");
    String brand = get(r, col, "brand");
    if (brand.equalsIgnoreCase("unknown")) brand = "";
    Keys keys = extractor.extract(brand + " " + get(r, col, "model") + " " + problem);
    String type =
        typeByCategory.getOrDefault(category.toLowerCase(Locale.ROOT), keys.product().type());
    ProductRef product = new ProductRef(type, keys.product().brand(), keys.product().model());
    int year = 0;
    try {
      String y = get(r, col, "year_of_manufacture");
      if (!y.isEmpty()) year = (int) Double.parseDouble(y);
    } catch (NumberFormatException e) {
      // year is optional
    }
    String title =
        (category + (brand.isEmpty() ? "" : " (" + brand + ")") + ": " + abbreviate(problem, 90))
            .strip();
    return new SourceDoc(
        SourceDoc.idFor("ords:" + id),
        "ords:" + id,
        SourceKind.REPAIR_REPORT,
        get(r, col, "data_provider"),
        title,
        problem,
        product,
        keys.errorCodes(),
        keys.symptoms(),
        status.equalsIgnoreCase("Fixed"),
        Dates.parse(get(r, col, "event_date")),
        new Details.RepairReport(
            status, category, year, get(r, col, "country"), get(r, col, "group_identifier")));
  }

  private static String get(List<String> r, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
