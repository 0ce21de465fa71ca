package io.fixfinder.core.ords;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdsMapperTest {
  static final OrdsMapper MAPPER = new OrdsMapper(KeyExtractor.builtIn());

  static OrdsRow row(String brand, String year, String date, String problem) {
    return new OrdsRow(
        "r1",
        "The Restart Project",
        "GBR",
        "Coffee maker",
        brand,
        "",
        year,
        "Fixed",
        "Cafe A",
        date,
        problem);
  }

  @Test
  void aRowBecomesARepairReportWithEveryFieldTheFileGives() {
    SourceDoc doc =
        MAPPER.toDoc(
            row("DeLonghi", "2015.0", "2019-05-04", "Leaking, descaled and replaced seal"));
    assertThat(doc.url()).isEqualTo("ords:r1");
    assertThat(doc.id()).isEqualTo(SourceDoc.idFor("ords:r1"));
    assertThat(doc.kind()).isEqualTo(SourceKind.REPAIR_REPORT);
    assertThat(doc.site()).isEqualTo("The Restart Project");
    assertThat(doc.title())
        .isEqualTo("Coffee maker (DeLonghi): Leaking, descaled and replaced seal");
    assertThat(doc.text()).isEqualTo("Leaking, descaled and replaced seal");
    assertThat(doc.product().type()).isEqualTo("coffee-machine");
    assertThat(doc.product().brand()).isEqualTo("DeLonghi");
    assertThat(doc.symptoms()).contains("leaking");
    assertThat(doc.fixReported()).isTrue();
    assertThat(doc.published()).isEqualTo(Instant.parse("2019-05-04T00:00:00Z"));
    assertThat(doc.details())
        .isEqualTo(new Details.RepairReport("Fixed", "Coffee maker", 2015, "GBR", "Cafe A"));
  }

  @Test
  void unknownBrandYearAndDateAreEmptyAndLongProblemsAreCutInTheTitleOnly() {
    String problem = "x".repeat(200);
    SourceDoc doc = MAPPER.toDoc(row("Unknown", "????", "sometime", problem));
    assertThat(doc.product().brand()).isEmpty();
    assertThat(doc.title()).isEqualTo("Coffee maker: " + "x".repeat(89) + "…");
    assertThat(doc.text()).isEqualTo(problem);
    assertThat(doc.published()).isEqualTo(Instant.EPOCH);
    assertThat(((Details.RepairReport) doc.details()).year()).isZero();
  }

  @Test
  void columnsAreFoundByNameWithTheQuestsIdColumnAndABomTolerated() {
    OrdsColumns col =
        OrdsColumns.of(List.of("\uFEFFid_ords", "product_category", " problem ", "language"));
    OrdsRow r = col.row(List.of("q7", "Mobile", "  cracked screen ", "en"));
    assertThat(col.hasId()).isTrue();
    assertThat(r.id()).isEqualTo("q7");
    assertThat(r.problem()).isEqualTo("cracked screen");
    assertThat(r.brand()).isEmpty();
    assertThat(col.get(List.of("q7"), "problem")).isEmpty(); // a short row reads as empty
    assertThat(r.withId("row-3").id()).isEqualTo("row-3");
  }
}
