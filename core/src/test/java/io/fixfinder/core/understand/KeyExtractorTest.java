package io.fixfinder.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.Keys.FixSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyExtractorTest {
  private final KeyExtractor extractor = KeyExtractor.builtIn();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "error E-18 again | E18",
        "shows e18 | E18",
        "Err 18 on display | E18",
        "error code 18 | E18",
        "the F 05 light | F05",
        "F5 blinking | F05",
        "diagnostics said Err 07 | E07",
        "flashing OE | OE",
        "display reads 0E | OE",
        "c1 and descale | C1",
      })
  void normalisesErrorCodes(String text, String code) {
    assertThat(extractor.errorCodes(text)).containsExactly(code);
  }

  @Test
  void modelNumbersAreNotErrorCodes() {
    assertThat(extractor.errorCodes("my WM-8420X and a CM-320 and DW-4500S")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"WM 8420x", "wm-8420X", "wm8420x", "WM-8420X"})
  void normalisesKnownModels(String raw) {
    assertThat(extractor.model(raw)).isEqualTo("WM-8420X");
    assertThat(extractor.product("my " + raw + " is dead"))
        .isEqualTo(new ProductRef("washing-machine", "Aqualine", "WM-8420X"));
  }

  @Test
  void normalisesUnknownModelsToOneSpelling() {
    assertThat(KeyExtractor.normaliseModel("ab 1234c")).isEqualTo("AB-1234C");
    assertThat(KeyExtractor.normaliseModel("AB-1234C")).isEqualTo("AB-1234C");
  }

  @Test
  void findsMultiWordModel() {
    assertThat(extractor.product("Lumio LX-21 pro not charging").model()).isEqualTo("LX-21 PRO");
    assertThat(extractor.product("lx21 pro screen").model()).isEqualTo("LX-21 PRO");
  }

  @Test
  void understandsASlangQuery() {
    Keys keys = extractor.extract("aqualine washer wont drain E-18 #broken");
    assertThat(keys.product()).isEqualTo(new ProductRef("washing-machine", "Aqualine", ""));
    assertThat(keys.errorCodes()).containsExactly("E18");
    assertThat(keys.symptoms()).containsExactly("wont-drain");
    assertThat(keys.hashtags()).containsExactly("broken");
    assertThat(keys.fix()).isEqualTo(FixSignal.NONE);
  }

  @Test
  void apostrophesAndSynonymsMeetOneSymptom() {
    assertThat(extractor.extract("Washing machine won't drain").symptoms())
        .containsExactly("wont-drain");
    assertThat(extractor.extract("it doesn't pump out").symptoms()).containsExactly("wont-drain");
    assertThat(extractor.extract("whasing machine").product().type()).isEqualTo("washing-machine");
  }

  @Test
  void theLastFixStatementWins() {
    assertThat(
            extractor.extract("reset it, no luck. then cleaned the filter - that fixed it!!").fix())
        .isEqualTo(FixSignal.FIXED);
    assertThat(extractor.extract("cleaned the filter, still broken").fix())
        .isEqualTo(FixSignal.FAILED);
  }

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        // A device that is none of our types wins over the type word inside it.
        "my 3d printer won't turn on | ''",
        "vr headset no sound | ''",
        "paper shredder jammed | ''",
        // The longest product phrase wins, the first on a tie.
        "the laptop next to my coffee machine leaks | coffee-machine",
        "dishwasher or washing machine not draining | washing-machine",
        "printer and laptop not connecting | printer",
        "my printer won't print | printer",
      })
  void theLongestProductPhraseNamesTheType(String query, String type) {
    assertThat(extractor.product(query).type()).as(query).isEqualTo(type);
  }

  @Test
  void brandWithOneTypeImpliesTheType() {
    assertThat(extractor.product("my brewster leaks"))
        .isEqualTo(new ProductRef("coffee-machine", "Brewster", ""));
  }

  @Test
  void obdCodesFromTheSharedTablesNameTheCar() {
    Keys keys =
        KeyExtractor.builtIn()
            .extract("check engine light on, code p0301 and P0420 after a cold start");
    assertThat(keys.errorCodes()).containsExactly("P0301", "P0420");
    assertThat(keys.product().type()).isEqualTo("car");
    assertThat(KeyExtractor.builtIn().errorCodes("part number P9999X, not a code")).isEmpty();
  }

  @Test
  void emptyTextGivesNothing() {
    Keys keys = extractor.extract("");
    assertThat(keys.product().isUnknown()).isTrue();
    assertThat(keys.errorCodes()).isEmpty();
    assertThat(keys.symptoms()).isEmpty();
  }

  /**
   * The digit-anchored search finds exactly what a plain {@code find()} loop finds, on random text
   * made of the characters the code and model patterns care about. Replay a failure with {@code
   * -Dtests.seed=N}.
   */
  @Test
  void findNearDigitFindsWhatFindFinds() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    java.util.Random random = new java.util.Random(seed);
    String alphabet = "EFHCUPBaxz0123459 -#%.";
    java.util.List<java.util.regex.Pattern> patterns =
        java.util.List.of(
            KeyExtractor.modelCandidate(),
            KeyExtractor.digitAnchoredCodePatterns().get(0),
            KeyExtractor.digitAnchoredCodePatterns().get(1));
    int[] leads = {KeyExtractor.MODEL_LEAD, 4, 1};
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(60);
      for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = sb.toString();
      for (int p = 0; p < patterns.size(); p++) {
        java.util.List<String> plain = new java.util.ArrayList<>();
        java.util.regex.Matcher m = patterns.get(p).matcher(text);
        while (m.find()) plain.add(m.start() + ":" + m.group());
        java.util.List<String> anchored = new java.util.ArrayList<>();
        java.util.regex.Matcher a = patterns.get(p).matcher(text);
        for (int at = 0; KeyExtractor.findNearDigit(a, text, at, leads[p]); at = a.end())
          anchored.add(a.start() + ":" + a.group());
        assertThat(anchored)
            .as("seed " + seed + ", pattern " + p + ", text '" + text + "'")
            .isEqualTo(plain);
      }
    }
  }

  /** A fault told in the languages of Open Repair Data keys the same product and symptom. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lave-linge ne vidange pas | washing-machine | wont-drain",
        "Waschmaschine pumpt nicht ab | washing-machine | wont-drain",
        "wasmachine pompt niet af | washing-machine | wont-drain",
        "lavatrice non scarica | washing-machine | wont-drain",
        "lavadora no desagua | washing-machine | wont-drain",
        "vaatwasser wast niet schoon | dishwasher | not-cleaning",
        "lave-vaisselle fuit | dishwasher | leaking",
      })
  void faultsInOtherLanguagesKeyTheirSymptom(String query, String type, String symptom) {
    Keys keys = extractor.extract(query);
    assertThat(keys.product().type()).as(query).isEqualTo(type);
    assertThat(keys.symptoms()).as(query).containsExactly(symptom);
  }
}
