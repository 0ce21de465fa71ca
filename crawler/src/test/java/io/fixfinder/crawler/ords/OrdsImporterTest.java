package io.fixfinder.crawler.ords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.ords.OrdsMapper;
import io.fixfinder.core.ords.OrdsRow;
import io.fixfinder.core.understand.KeyExtractor;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OrdsImporterTest {
  static final String HEADER =
      "id,data_provider,country,partner_product_category,product_category,product_category_id,brand,year_of_manufacture,product_age,repair_status,repair_barrier_if_end_of_life,group_identifier,event_date,problem\n";

  @Test
  void rowsBecomeRepairReportsAndBadRowsAreCounted() throws Exception {
    String csv =
        HEADER
            + "r1,The Restart Project,GBR,x,Coffee maker,36,DeLonghi,2015,,Fixed,,Cafe A,2019-05-04,\"Leaking, descaled and replaced the seal\"\n"
            + "r2,The Restart Project,GBR,x,Laptop,16,Unknown,,,End of life,Spare parts not available,Cafe B,2020-01-02,Won't turn on\n"
            + "r3,too,few,columns\n"
            + ",The Restart Project,GBR,x,Laptop,16,HP,,,Fixed,,Cafe B,2020-01-02,no id\n"
            + "r5,The Restart Project,GBR,x,Laptop,16,HP,,,Fixed,,Cafe B,2020-01-02,\n";
    List<SourceDoc> docs = new ArrayList<>();
    OrdsImporter.Report report =
        new OrdsImporter(KeyExtractor.builtIn()).read(new StringReader(csv), "test", docs::add);
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.skipped())
        .containsEntry("wrong number of columns", 1L)
        .containsEntry("missing id", 1L)
        .containsEntry("empty problem", 1L);
    SourceDoc coffee = docs.getFirst();
    assertThat(coffee.kind()).isEqualTo(SourceKind.REPAIR_REPORT);
    assertThat(coffee.product().type()).isEqualTo("coffee-machine");
    assertThat(coffee.product().brand()).isEqualTo("DeLonghi");
    assertThat(coffee.fixReported()).isTrue();
    assertThat(coffee.symptoms()).contains("leaking");
    Details.RepairReport details = (Details.RepairReport) coffee.details();
    assertThat(details.outcome()).isEqualTo("Fixed");
    assertThat(details.year()).isEqualTo(2015);
    assertThat(details.country()).isEqualTo("GBR");
    assertThat(details.group()).isEqualTo("Cafe A");
    assertThat(coffee.published()).isEqualTo(Instant.parse("2019-05-04T00:00:00Z"));
    // the import writes exactly what the shared mapping (the one eval clusters scores) gives
    assertThat(coffee)
        .isEqualTo(
            new OrdsMapper(KeyExtractor.builtIn())
                .toDoc(
                    new OrdsRow(
                        "r1",
                        "The Restart Project",
                        "GBR",
                        "Coffee maker",
                        "DeLonghi",
                        "",
                        "2015",
                        "Fixed",
                        "Cafe A",
                        "2019-05-04",
                        "Leaking, descaled and replaced the seal")));
    SourceDoc laptop = docs.get(1);
    assertThat(laptop.product().brand()).isEmpty();
    assertThat(laptop.fixReported()).isFalse();
    assertThat(laptop.symptoms()).containsExactly("wont-turn-on");
  }

  @Test
  void theRealOpenRepairFileImports() throws Exception {
    Path file =
        Path.of(
            System.getProperty("fixfinder.shared", "../shared"),
            "data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv");
    Assumptions.assumeTrue(
        Files.exists(file), "../shared/data is absent: skipping the real-data import test");
    List<SourceDoc> docs = new ArrayList<>();
    OrdsImporter.Report report;
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      report = new OrdsImporter(KeyExtractor.builtIn()).read(reader, file.toString(), docs::add);
    }
    assertThat(report.rows()).isEqualTo(23_940);
    assertThat(
            report.imported() + report.skipped().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(report.rows());
    assertThat(report.skipped())
        .containsEntry("empty problem", 4_749L); // counted by Python csv too
    assertThat(report.imported()).isEqualTo(23_940 - 4_749);
    assertThat(docs.stream().filter(d -> d.product().type().equals("laptop")).count())
        .isGreaterThan(2000);
  }

  @Test
  void aQuestFileWithItsIdOrdsColumnImports() throws Exception {
    String csv =
        "id_ords,data_provider,country,fault_type_id,fault_type,product_category,brand,repair_status,year_of_manufacture,event_date,language,problem\n"
            + "anstiftung_1,anstiftung,DEU,9,Paper feed,Printer/scanner,HP,Fixed,????,2020-08-25,de,Papiereinzug defekt\n";
    List<SourceDoc> docs = new ArrayList<>();
    OrdsImporter.Report report =
        new OrdsImporter(KeyExtractor.builtIn()).read(new StringReader(csv), "q", docs::add);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(docs.getFirst().url()).isEqualTo("ords:anstiftung_1");
    assertThat(docs.getFirst().product().type()).isEqualTo("printer");
  }

  @Test
  void aFileWithoutAnIdColumnIsOneClearError() {
    assertThatThrownBy(
            () ->
                new OrdsImporter(KeyExtractor.builtIn())
                    .read(
                        new StringReader("product_category,repair_status,problem\nx,y,z\n"),
                        "f.csv",
                        d -> {}))
        .hasMessage("f.csv lacks the ORDS column 'id'");
  }
}
