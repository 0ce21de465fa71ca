package io.fixfinder.indexer.eval.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.ords.OrdsColumns;
import io.fixfinder.core.ords.OrdsMapper;
import io.fixfinder.core.understand.KeyExtractor;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

  /** The row `import ords` reads (same header as OrdsImporterTest), through both paths. */
  @Test
  void aRowMapsExactlyAsTheImportMapsIt() throws Exception {
    String csv =
        "id,data_provider,country,partner_product_category,product_category,product_category_id,brand,year_of_manufacture,product_age,repair_status,repair_barrier_if_end_of_life,group_identifier,event_date,fault_type,problem\n"
            + "r1,The Restart Project,GBR,x,Coffee maker,36,DeLonghi,2015.0,,Fixed,,Cafe A,2019-05-04,Leak,\"Leaking badly from the bottom every morning, descaled it twice over two weeks and then finally replaced the rubber seal\"\n";
    LabelledOrds data =
        LabelledOrds.read(
            new StringReader(csv), "t.csv", "fault_type", Optional.empty(), KeyExtractor.builtIn());
    List<String> header;
    List<String> line;
    try (CsvReader r = new CsvReader(new StringReader(csv), 1000)) {
      header = r.next().orElseThrow();
      line = r.next().orElseThrow();
    }
    SourceDoc shared =
        new OrdsMapper(KeyExtractor.builtIn()).toDoc(OrdsColumns.of(header).row(line));
    assertThat(data.docs()).containsExactly(shared);
    // the fields the evaluation used to drop or change
    SourceDoc doc = data.docs().getFirst();
    assertThat(doc.title()).endsWith("…").hasSizeLessThan(120);
    assertThat(doc.published()).isEqualTo(Instant.parse("2019-05-04T00:00:00Z"));
    assertThat(doc.details())
        .isEqualTo(new Details.RepairReport("Fixed", "Coffee maker", 2015, "GBR", "Cafe A"));
  }
}
