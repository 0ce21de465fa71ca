package io.fixfinder.crawler.ords;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.ords.OrdsColumns;
import io.fixfinder.core.ords.OrdsMapper;
import io.fixfinder.core.ords.OrdsRow;
import io.fixfinder.core.understand.KeyExtractor;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Imports Open Repair Data Standard CSV (see {@code ../shared/data/openrepair/tableschema.json}) as
 * repair reports: "people who had this issue", with the outcome. The row-to-record mapping is the
 * shared {@link OrdsMapper}, the one {@code eval clusters} scores. Bad rows are counted with a
 * reason and skipped, never fatal.
 */
public final class OrdsImporter {
  static final int MAX_FIELD = 20_000;
  private static final List<String> REQUIRED =
      List.of("product_category", "repair_status", "problem");

  /** What an import did: rows read, records written, rows skipped by reason. */
  public record Report(long rows, long imported, Map<String, Long> skipped) {}

  private final OrdsMapper mapper;

  public OrdsImporter(KeyExtractor extractor) {
    this.mapper = new OrdsMapper(extractor);
  }

  public Report read(Reader input, String source, Consumer<SourceDoc> sink) throws IOException {
    Map<String, Long> skipped = new TreeMap<>();
    long rows = 0;
    long imported = 0;
    try (CsvReader csv = new CsvReader(input, MAX_FIELD)) {
      Optional<List<String>> header = csv.next();
      if (header.isEmpty()) throw new IOException(source + " is empty");
      OrdsColumns col = OrdsColumns.of(header.get());
      // the quest files name the id column id_ords
      if (!col.hasId()) throw new IOException(source + " lacks the ORDS column 'id'");
      for (String required : REQUIRED) {
        if (!col.has(required))
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
        if (r.size() != col.size()) {
          skipped.merge("wrong number of columns", 1L, Long::sum);
          continue;
        }
        OrdsRow ords = col.row(r);
        if (ords.id().isEmpty()) {
          skipped.merge("missing id", 1L, Long::sum);
          continue;
        }
        if (ords.problem().isEmpty()) {
          skipped.merge("empty problem", 1L, Long::sum);
          continue;
        }
        sink.accept(mapper.toDoc(ords));
        imported++;
      }
    }
    return new Report(rows, imported, skipped);
  }
}
