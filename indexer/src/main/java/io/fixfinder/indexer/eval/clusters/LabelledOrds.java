package io.fixfinder.indexer.eval.clusters;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.ords.OrdsColumns;
import io.fixfinder.core.ords.OrdsMapper;
import io.fixfinder.core.ords.OrdsRow;
import io.fixfinder.core.understand.KeyExtractor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Open Repair Data file whose rows carry a human label (the quests' {@code fault_type}), read
 * into the very records {@code ./fixfinder import ords} writes (the shared {@link OrdsMapper}).
 * Rows with an empty label or problem text are counted and skipped; a row without an id is numbered
 * by its line.
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
    OrdsMapper mapper = new OrdsMapper(extractor);
    List<SourceDoc> docs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Long> skipped = new TreeMap<>();
    long rows = 0;
    boolean filter;
    try (CsvReader csv = new CsvReader(input, MAX_FIELD)) {
      List<String> header =
          csv.next().orElseThrow(() -> new BadFile(source + " is empty: no header row"));
      OrdsColumns col = OrdsColumns.of(header);
      for (String required : List.of("problem", labelColumn)) {
        if (!col.has(required))
          throw new BadFile(
              source
                  + " has no column '"
                  + required
                  + "' (columns: "
                  + String.join(", ", col.names().stream().sorted().toList())
                  + ")");
      }
      filter = language.isPresent() && col.has("language");
      Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        List<String> r = row.get();
        if (r.size() == 1 && r.getFirst().isBlank()) continue;
        if (filter && !col.get(r, "language").equalsIgnoreCase(language.get())) continue;
        rows++;
        if (r.size() != col.size()) {
          skipped.merge("wrong number of columns", 1L, Long::sum);
          continue;
        }
        String label = col.get(r, labelColumn);
        OrdsRow ords = col.row(r);
        if (label.isEmpty()) {
          skipped.merge("empty label", 1L, Long::sum);
          continue;
        }
        if (ords.problem().isEmpty()) {
          skipped.merge("empty problem", 1L, Long::sum);
          continue;
        }
        if (ords.id().isEmpty()) ords = ords.withId("row-" + csv.line());
        docs.add(mapper.toDoc(ords));
        labels.add(label);
      }
    }
    return new LabelledOrds(docs, labels, rows, skipped, filter);
  }
}
