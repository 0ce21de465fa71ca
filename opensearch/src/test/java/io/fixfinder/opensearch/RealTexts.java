package io.fixfinder.opensearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixfinder.core.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real fault reports, read at test time from the shared data (never copied into the project): the
 * printer reports of Open Repair Data's labelled set, in English, Dutch, German, French, Spanish
 * and Italian, with the language a volunteer gave each.
 */
final class RealTexts {
  private RealTexts() {}

  /** One report: its id, language (ISO 639-1, as labelled) and text. */
  record Report(String id, String language, String text) {}

  static List<Report> printers() throws IOException {
    Path shared = Path.of(System.getProperty("fixfinder.shared", "../../shared"));
    Path file = shared.resolve("data/openrepair/quests/printers/printcat.csv");
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) assumeTrue(Files.isRegularFile(file), "no shared data at " + file + ": skipped");
    List<Report> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(in, 1 << 20)) {
      List<String> header = csv.next().orElseThrow();
      int id = header.indexOf("id_ords");
      int lang = header.indexOf("language");
      int problem = header.indexOf("problem");
      for (Optional<List<String>> row; (row = csv.next()).isPresent(); ) {
        List<String> r = row.get();
        if (r.size() <= problem || r.get(problem).isBlank()) continue;
        out.add(new Report(r.get(id), r.get(lang).strip(), r.get(problem)));
      }
    }
    return out;
  }
}
