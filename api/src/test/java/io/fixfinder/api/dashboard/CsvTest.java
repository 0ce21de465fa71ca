package io.fixfinder.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "washing machine | washing machine",
        "=HYPERLINK(\"http://x\") | `\"'=HYPERLINK(\"\"http://x\"\")\"`",
        "+1 drain | `\"'+1 drain\"`",
        "-2+3 | `\"'-2+3\"`",
        "@SUM(A1) | `\"'@SUM(A1)\"`",
        "a, b | `\"a, b\"`",
        "say \"hi\" | `\"say \"\"hi\"\"\"`",
        "'quoted | `\"'quoted\"`",
        "e18 - drain | e18 - drain",
      })
  void neutralisesFormulasAndQuotesWhatMustBe(String raw, String written) {
    assertThat(Csv.cell(raw)).isEqualTo(written);
  }

  @org.junit.jupiter.api.Test
  void aTabOrCarriageReturnFirstIsNeutralisedTooAndRowsEndWithCrlf() {
    assertThat(Csv.cell("\t=1")).isEqualTo("\"'\t=1\"");
    assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(Csv.of(List.of(List.of("query", "searches"), List.of("=1+1", "5"))))
        .isEqualTo("query,searches\r\n\"'=1+1\",5\r\n");
  }
}
