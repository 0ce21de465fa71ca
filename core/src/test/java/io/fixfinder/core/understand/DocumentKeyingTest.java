package io.fixfinder.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.DocumentKeying.Page;
import io.fixfinder.core.understand.DocumentKeying.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Document keying on sentences written by us after the failures seen on unseen sites (#12). */
class DocumentKeyingTest {
  private final KeyExtractor extractor = KeyExtractor.builtIn();

  private Result key(String title, String text) {
    return extractor.extractDocument(Page.of(title, text));
  }

  private ProductRef product(String title, String text) {
    return key(title, text).keys().product();
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Brake rotors squeal | Park on a flat surface and set the parking brake before you start.",
        "Replacing the logic board | Remove the two Philips screws with a Philips #00 screwdriver.",
        "Seasoning a skillet | Heat the cast iron pan, then wipe it with oil.",
        "Fixing a cracked joint | Heat the pad with the soldering iron and add a little solder.",
        "Rear panel replacement | Pry the panel near the headphone jack with a spudger.",
        "Why the seal failed | The pump creates a vacuum wave that pulls the seal loose.",
        "Making apple juice | Press the apples and strain the juice.",
      })
  void incidentalWordsDoNotKey(String title, String text) {
    ProductRef p = product(title, text);
    assertThat(p.brand()).as("brand").isEmpty();
    assertThat(p.type()).as("type").isNotIn("iron", "vacuum", "headphones", "laptop");
  }

  @Test
  void aProductLineNamesItsBrand() {
    assertThat(product("iPod Classic Battery Replacement", "Open the case.").brand())
        .isEqualTo("Apple");
    assertThat(product("Surface Pro 4 screen", "Heat the edges.").brand()).isEqualTo("Microsoft");
    assertThat(product("ThinkPad T430 keyboard", "Remove the screws.").type()).isEqualTo("laptop");
  }

  @Test
  void anAmbiguousBrandKeysNextToAProductWord() {
    assertThat(product("Shark vacuum loses suction", "Clean the filter.").brand())
        .isEqualTo("Shark");
    assertThat(product("Philips Sonicare won't charge", "").brand()).isEqualTo("Philips");
    assertThat(product("Apple iPod won't turn on", "").brand()).isEqualTo("Apple");
    assertThat(product("Shark attack", "The shark swam away.").brand()).isEmpty();
  }

  @Test
  void aModelNeedsABrandBesideItAndPartNumbersDoNotQualify() {
    Result r = key("Bosch WAT28400 washing machine drum bearing", "Remove the back panel.");
    assertThat(r.keys().product())
        .isEqualTo(new ProductRef("washing-machine", "Bosch", "WAT-28400"));
    assertThat(r.model().confidence()).isGreaterThanOrEqualTo(DocumentKeying.THRESHOLD);
    ProductRef p =
        product("Battery replacement", "Order the iFixit part IF145-079 and the 821-0123 cable.");
    assertThat(p.model()).isEmpty();
  }

  @Test
  void aKnownModelWithoutItsLetterPrefixAfterItsBrand() {
    assertThat(product("Aqualine 8420X error 18, not pumping out", "The pump hums.").model())
        .isEqualTo("WM-8420X");
    assertThat(product("Kesseler 8420X", "").model()).isEmpty();
  }

  @Test
  void bodyOnlyMentionsNeedRepetition() {
    String once = "Somewhere in the text: my old toaster did this too. Anyway, clean the contacts.";
    assertThat(product("Contacts", "x ".repeat(200) + once).type()).isEmpty();
    String thrice = "The toaster heats. The toaster pops. The toaster smokes.";
    assertThat(product("Contacts", "x ".repeat(200) + thrice).type()).isEqualTo("toaster");
  }

  @Test
  void breadcrumbsAndHintsAreStrongEvidence() {
    Result r =
        extractor.extractDocument(
            new Page(
                "Battery Replacement",
                "Open the case with a spudger.",
                List.of("Home", "Media Player", "iPod Classic"),
                "",
                ProductRef.UNKNOWN));
    assertThat(r.keys().product().brand()).isEqualTo("Apple");
    assertThat(r.brand().confidence()).isGreaterThanOrEqualTo(0.8);
    Result fromUrl =
        extractor.extractDocument(
            new Page("Battery", "Open it.", List.of(), "/Device/iPod_Classic", ProductRef.UNKNOWN));
    assertThat(fromUrl.brand().value()).isEqualTo("Apple");
    assertThat(fromUrl.keys().product().brand())
        .as("a URL segment alone is weak evidence")
        .isEmpty();
    Result hinted =
        extractor.extractDocument(
            new Page("Fan", "Open it.", List.of(), "", new ProductRef("", "Dyson", "")));
    assertThat(hinted.keys().product().brand()).isEqualTo("Dyson");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Check engine light, scanner shows P1259 and B1342 | P1259 B1342",
        "My truck threw a C1210 code after the ABS light came on | C1210",
        "DTC U0100 lost communication with ECM | U0100",
        "Washer display shows F05 and then error E-18 | F05 E18",
        "code E-18 again | E18",
        "it was flashing E15 | E15",
        "P0300 random misfire | P0300",
      })
  void codesWithEvidence(String text, String codes) {
    assertThat(key("", text).keys().errorCodes()).containsExactly(codes.split(" "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Watching F1 with the team, the F1 car had a great season",
        "Press the F1 key for help",
        "See https://example.com/a%2Cb/guide for details",
        "My BMW E39 530i needs new brake rotors on the car",
        "The U2 player will not power on",
        "Order part number B1342 from the store",
      })
  void noCodesFromIncidentalTokens(String text) {
    assertThat(key("", text).keys().errorCodes()).isEmpty();
  }

  @Test
  void theQueryPathStillTakesBareCodesAndBrands() {
    assertThat(extractor.extract("E18").errorCodes()).containsExactly("E18");
    assertThat(extractor.extract("aqualine won't drain").product().brand()).isEqualTo("Aqualine");
    assertThat(extractor.extract("P1259").errorCodes()).containsExactly("P1259");
    assertThat(extractor.extract("P1259").product().type()).isEqualTo("car");
    assertThat(extractor.extract("ipod classic battery").product().brand()).isEqualTo("Apple");
    assertThat(extractor.extract("philips screwdriver size").product().brand()).isEmpty();
    assertThat(extractor.extract("shark vacuum no suction").product().brand()).isEqualTo("Shark");
    assertThat(extractor.extract("flat surface").product().brand()).isEmpty();
  }

  @Test
  void emptyPageKeysNothing() {
    Result r = key("", "");
    assertThat(r.keys().product().isUnknown()).isTrue();
    assertThat(r.keys().errorCodes()).isEmpty();
    assertThat(r.brand()).isEqualTo(DocumentKeying.Field.NONE);
  }
}
