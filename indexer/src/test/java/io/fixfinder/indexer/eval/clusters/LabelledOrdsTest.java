package io.fixfinder.indexer.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.understand.KeyExtractor;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelledOrdsTest {
  static final String CSV =
      String.join(
          "\n",
          "id_ords,fault_type,product_category,brand,repair_status,language,problem",
          "a,Screen,Mobile,Apple,Fixed,en,cracked screen",
          "b,,Mobile,Samsung,Fixed,en,battery dead",
          "c,Battery,Mobile,Samsung,Repairable,en,",
          "d,Battery,Mobile,Unknown,End of life,nl,accu leeg",
          "e,Paper feed,Printer/scanner,HP,Fixed,en,\"paper jam, \"\"again\"\"\"",
          "");

  static LabelledOrds read(Optional<String> lang) throws Exception {
    return LabelledOrds.read(
        new StringReader(CSV), "test.csv", "fault_type", lang, KeyExtractor.builtIn());
  }

  @Test
  void readsLabelledRowsAsRepairReportsAndCountsTheRest() throws Exception {
    LabelledOrds data = read(Optional.empty());
    assertThat(data.labels()).containsExactly("Screen", "Battery", "Paper feed");
    assertThat(data.rows()).isEqualTo(5);
    assertThat(data.skipped()).containsEntry("empty label", 1L).containsEntry("empty problem", 1L);
    assertThat(data.docs().get(0).product().type()).isEqualTo("smartphone");
    assertThat(data.docs().get(0).product().brand()).isEqualTo("Apple");
    assertThat(data.docs().get(1).product().brand()).isEmpty(); // "Unknown" is no brand
    assertThat(data.docs().get(2).product().type()).isEqualTo("printer");
    assertThat(data.docs().get(2).text()).isEqualTo("paper jam, \"again\"");
    assertThat(data.docs().get(0).details()).isInstanceOf(Details.RepairReport.class);
    assertThat(data.docs().get(0).fixReported()).isTrue();
  }

  @Test
  void languageFilterAppliesOnlyWithALanguageColumn() throws Exception {
    LabelledOrds en = read(Optional.of("en"));
    assertThat(en.languageFiltered()).isTrue();
    assertThat(en.labels()).containsExactly("Screen", "Paper feed");
    LabelledOrds noColumn =
        LabelledOrds.read(
            new StringReader("id,fault_type,product_category,problem\n1,Screen,Mobile,cracked\n"),
            "x.csv",
            "fault_type",
            Optional.of("en"),
            KeyExtractor.builtIn());
    assertThat(noColumn.languageFiltered()).isFalse();
    assertThat(noColumn.docs()).hasSize(1);
  }

  @Test
  void aMissingColumnOrFileIsOneClearError() {
    assertThatThrownBy(
            () ->
                LabelledOrds.read(
                    new StringReader(CSV),
                    "test.csv",
                    "step_barrier",
                    Optional.empty(),
                    KeyExtractor.builtIn()))
        .isInstanceOf(LabelledOrds.BadFile.class)
        .hasMessageStartingWith("test.csv has no column 'step_barrier' (columns: ");
    assertThatThrownBy(
            () -> LabelledOrds.read(Path.of("no/such.csv"), "fault_type", Optional.empty()))
        .isInstanceOf(LabelledOrds.BadFile.class)
        .hasMessage("no such file: no/such.csv");
  }
}
