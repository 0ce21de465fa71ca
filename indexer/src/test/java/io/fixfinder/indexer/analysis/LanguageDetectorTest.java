package io.fixfinder.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector detector = LanguageDetector.get();

  /** Short fault texts as people type them at a repair café, one language each. */
  static final Map<Language, List<String>> SHORT =
      Map.of(
          Language.DE,
          List.of(
              "Waschmaschine pumpt nicht ab",
              "Wasserkocher schaltet nicht mehr ab",
              "Staubsauger saugt nicht, Kabel kaputt",
              "fährt nicht hoch",
              "Akku lädt nicht mehr"),
          Language.NL,
          List.of(
              "wasmachine pompt niet af",
              "stofzuiger doet het niet meer",
              "snoer kapot, stekker vervangen",
              "koffiezetapparaat lekt",
              "Radio geeft geen geluid"),
          Language.FR,
          List.of(
              "lave-linge ne vidange pas",
              "l'aspirateur ne s'allume plus",
              "grille-pain: le bouton ne reste pas enfoncé",
              "Ventilateur ne fonctionne pas",
              "fuite d'eau sous la cafetière"),
          Language.ES,
          List.of(
              "la lavadora no desagua",
              "la cafetera no calienta el agua",
              "el aspirador hace ruido y no funciona",
              "la lámpara no enciende"),
          Language.IT,
          List.of(
              "la lavatrice non scarica l'acqua",
              "il televisore non si accende",
              "lo schermo del telefono è rotto",
              "la macchina del caffè perde acqua"));

  @Test
  void aShortFaultTextIsSearchedInItsOwnLanguage() {
    SHORT.forEach(
        (lang, texts) -> {
          for (String text : texts) {
            assertThat(detector.ofQuery(text)).as(text).contains(lang);
          }
        });
  }

  @Test
  void anEnglishQueryAddsNoOtherLanguage() {
    for (String q :
        List.of(
            "washing machine won't drain",
            "KitchenAid KSB5CR problem with the power cable",
            "A1278 2010 13\" MacBook Pro 820-2879 Fan stuck on high",
            "printer not printing after I changed the ink")) {
      assertThat(detector.ofQuery(q)).as(q).isEmpty();
    }
  }

  @Test
  void aQueryWithoutEvidenceIsSearchedInEveryLanguage() {
    for (String q : List.of("WM-8420X", "E18", "Bosch WAE28", "iPhone")) {
      assertThat(detector.ofQuery(q)).as(q).containsExactlyInAnyOrderElementsOf(Language.OTHERS);
    }
  }

  @Test
  void aRecordIsTheLanguageOfItsText() {
    assertThat(
            detector.ofRecord(
                doc(
                    "Rechner startet nicht",
                    "Der PC ließ sich nicht einschalten. Das Netzteil war defekt und wurde"
                        + " durch ein gebrauchtes Ersatzteil ersetzt.",
                    new Details.None())))
        .contains(Language.DE);
    assertThat(
            detector.ofRecord(
                doc(
                    "Stofzuiger",
                    "Het snoer was kapot bij de stekker. We hebben de stekker vervangen en nu werkt"
                        + " hij weer.",
                    new Details.None())))
        .contains(Language.NL);
    assertThat(
            detector.ofRecord(
                doc(
                    "Washing machine",
                    "The drain pump was blocked by a coin; we cleaned the filter and it works"
                        + " again.",
                    new Details.None())))
        .contains(Language.EN);
  }

  @Test
  void aRepairReportWithoutTellingWordsTakesItsCountrysLanguage() {
    Details.RepairReport german = new Details.RepairReport("Fixed", "Mixer", 2021, "DEU", "");
    assertThat(detector.ofRecord(doc("Krups KM-200", "Krups - PTC -", german)))
        .contains(Language.DE);
    // Belgium writes Dutch and French: no language without words that tell
    Details.RepairReport belgian = new Details.RepairReport("Fixed", "Mixer", 2021, "BEL", "");
    assertThat(detector.ofRecord(doc("Krups KM-200", "Krups - PTC -", belgian))).isEmpty();
  }

  @Test
  void theTextOutweighsTheCountryWhenItIsClear() {
    Details.RepairReport inGermany = new Details.RepairReport("Fixed", "Laptop", 2021, "DEU", "");
    assertThat(
            detector.ofRecord(
                doc(
                    "Laptop",
                    "The laptop would not boot. We replaced the hard drive with an SSD and"
                        + " reinstalled the system, and it is working again now.",
                    inGermany)))
        .contains(Language.EN);
  }

  @Test
  void countryCodesAndTags() {
    assertThat(Language.ofCountry("NLD")).contains(Language.NL);
    assertThat(Language.ofCountry("it")).contains(Language.IT);
    assertThat(Language.ofCountry("CHE")).isEmpty();
    assertThat(Language.ofTag("de-AT")).contains(Language.DE);
    assertThat(Language.ofTag("pt")).isEmpty();
  }

  static SourceDoc doc(String title, String text, Details details) {
    return new SourceDoc(
        SourceDoc.idFor("http://t/" + title.hashCode() + "/" + text.hashCode()),
        "http://t/",
        SourceKind.REPAIR_REPORT,
        "test",
        title,
        text,
        ProductRef.UNKNOWN,
        List.of(),
        List.of(),
        false,
        Instant.parse("2025-01-01T00:00:00Z"),
        details);
  }
}
