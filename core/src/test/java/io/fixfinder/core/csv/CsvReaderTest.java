package io.fixfinder.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  static List<List<String>> all(String csv, int max) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(csv), max)) {
      Optional<List<String>> row;
      while ((row = r.next()).isPresent()) rows.add(row.get());
    }
    return rows;
  }

  @Test
  void quotesCommasAndLineBreaks() throws Exception {
    assertThat(all("a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\nthen left\"\n2,,\n", 100))
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("1", "x, y", "he said \"hi\"\nthen left"),
            List.of("2", "", ""));
  }

  @Test
  void anUnclosedQuoteIsBoundedByTheFieldLimit() throws Exception {
    List<List<String>> rows = all("a,b\n1,\"never closed " + "x".repeat(1000), 50);
    assertThat(rows.get(1).get(1)).hasSize(50);
  }

  @Test
  void emptyInputHasNoRows() throws Exception {
    assertThat(all("", 10)).isEmpty();
  }
}
