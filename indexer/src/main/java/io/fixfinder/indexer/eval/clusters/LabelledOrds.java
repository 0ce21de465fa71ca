package io.fixfinder.indexer.eval.clusters;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Open Repair Data file whose rows carry a human label (the quests' {@code fault_type}), read
 * into repair-report records keyed the way {@code ./fixfinder import ords} keys them: product type
 * from the ORDS category, brand, model, codes and symptoms by the shared {@link KeyExtractor}. Rows
 * with an empty label or problem text are counted and skipped.
 *
 * @param docs the records, in file order
 * @param labels the human label of each record, same order
 * @param rows data rows read (after the language filter)
 * @param skipped rows skipped, by reason
 * @param languageFiltered whether {@code --lang} applied (the file has a {@code language} column)
 */
public record LabelledOrds(
    List<SourceDoc> docs,
    List<String> labels,
    long rows,
    Map<String, Long> skipped,
    boolean languageFiltered) {

  public LabelledOrds {
    docs = List.copyOf(docs);
    labels = List.copyOf(labels);
    skipped = Map.copyOf(skipped);
  }

  /** A problem with the file itself (missing, no such column): one line for the user. */
  public static final class BadFile extends IOException {
    public BadFile(String message) {
      super(message);
    }
  }

  static final int MAX_FIELD = 20_000;

  /**
   * Reads {@code file}; {@code language} keeps only rows of that language when the file has a
   * {@code language} column and is ignored otherwise.
   */
  public static LabelledOrds read(Path file, String labelColumn, Optional<String> language)
      throws IOException {
    if (!Files.isRegularFile(file)) throw new BadFile("no such file: " + file);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString(), labelColumn, language, KeyExtractor.builtIn());
    } catch (NoSuchFileException e) {
      throw new BadFile("no such file: " + file);
    }
  }

  static LabelledOrds read(
      Reader input,
      String source,
      String labelColumn,
      Optional<String> language,
      KeyExtractor extractor)
      throws IOException {
    Map<String, String> typeByCategory = new HashMap<>();
    for (Lexicon.ProductType t : extractor.lexicon().types()) {
      if (!t.ords().isEmpty())
        typeByCategory.putIfAbsent(t.ords().toLowerCase(Locale.ROOT), t.id());
    }
    List<SourceDoc> docs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Long> skipped = new TreeMap<>();
    long rows = 0;
    boolean filter;
    try (CsvReader csv = new CsvReader(input, MAX_FIELD)) {
      List<String> header =
          csv.next().orElseThrow(() -> new BadFile(source + " is empty: no header row"));
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.size(); i++)
        col.put(header.get(i).strip().replace("\uFEFF", ""), i);
      for (String required : List.of("problem", labelColumn)) {
        if (!col.containsKey(required))
          throw new BadFile(
              source
                  + " has no column '"
                  + required
                  + "' (columns: "
                  + String.join(", ", col.keySet().stream().sorted().toList())
                  + ")");
      }
      filter = language.isPresent() && col.containsKey("language");
      Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        List<String> r = row.get();
        if (r.size() == 1 && r.getFirst().isBlank()) continue;
        if (filter && !get(r, col, "language").equalsIgnoreCase(language.get())) continue;
        rows++;
        if (r.size() != header.size()) {
          skipped.merge("wrong number of columns", 1L, Long::sum);
          continue;
        }
        String label = get(r, col, labelColumn);
        String problem = get(r, col, "problem");
        if (label.isEmpty()) {
          skipped.merge("empty label", 1L, Long::sum);
          continue;
        }
        if (problem.isEmpty()) {
          skipped.merge("empty problem", 1L, Long::sum);
          continue;
        }
        String id = get(r, col, "id");
        if (id.isEmpty()) id = get(r, col, "id_ords");
        if (id.isEmpty()) id = "row-" + csv.line();
        docs.add(toDoc(r, col, id, problem, extractor, typeByCategory));
        labels.add(label);
      }
    }
    return new LabelledOrds(docs, labels, rows, skipped, filter);
  }

  private static SourceDoc toDoc(
      List<String> r,
      Map<String, Integer> col,
      String id,
      String problem,
      KeyExtractor extractor,
      Map<String, String> typeByCategory) {
    String category = get(r, col, "product_category");
    String brand = get(r, col, "brand");
    if (brand.equalsIgnoreCase("unknown")) brand = "";
    Keys keys = extractor.extract(brand + " " + get(r, col, "model") + " " + problem);
    String type =
        typeByCategory.getOrDefault(category.toLowerCase(Locale.ROOT), keys.product().type());
    String status = get(r, col, "repair_status");
    String url = "ords:" + id;
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.REPAIR_REPORT,
        get(r, col, "data_provider"),
        (category + (brand.isEmpty() ? "" : " (" + brand + ")") + ": " + problem).strip(),
        problem,
        new ProductRef(type, keys.product().brand(), keys.product().model()),
        keys.errorCodes(),
        keys.symptoms(),
        status.equalsIgnoreCase("Fixed"),
        Instant.EPOCH,
        new Details.RepairReport(status, category, 0, get(r, col, "country"), ""));
  }

  private static String get(List<String> r, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= r.size() ? "" : r.get(i).strip();
  }
}
