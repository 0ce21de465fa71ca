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

  @Test
  void peripheralsAndNetworkDevicesAreTypes() {
    assertThat(product("Logitech wireless mouse scroll wheel skips", "Open the shell.").type())
        .isEqualTo("mouse");
    assertThat(product("Netgear router keeps dropping the connection", "Reset it.").type())
        .isEqualTo("router");
    assertThat(product("Cable modem lights blinking", "Check the coax.").type())
        .isEqualTo("router");
    assertThat(product("Mechanical keyboard chatters on the spacebar", "Clean the switch.").type())
        .isEqualTo("keyboard");
    // Not the device: a click, a woodworking bit, a laptop's own keyboard.
    assertThat(product("Double mouse click on every press", "").type()).isNotEqualTo("mouse");
    assertThat(product("Router bit burns the oak edge", "").type()).isNotEqualTo("router");
    assertThat(product("Laptop keyboard replacement", "Remove the bottom case.").type())
        .isEqualTo("laptop");
  }

  @Test
  void aPartWordInTheTextAloneDoesNotKey() {
    // "Keyboard" in a repair note is a laptop's part as often as a device of its own.
    assertThat(product("", "Keyboard not working, spilled tea on it. Keyboard replaced.").type())
        .isEmpty();
    assertThat(product("Keyboard not registering keys", "Spilled tea.").type())
        .isEqualTo("keyboard");
  }

  @Test
  void aBrandThatMakesSeveralKindsDoesNotNameTheType() {
    // Razer makes mice, keyboards and headsets as well as laptops: a Razer page is not a laptop.
    assertThat(product("Razer Naga scroll wheel replacement", "Pry the top shell.").type())
        .isNotEqualTo("laptop");
    assertThat(product("Razer Naga scroll wheel replacement", "Pry the top shell.").brand())
        .isEqualTo("Razer");
    // A one-type brand still does ("Dyson" is only vacuums and hair dryers: two, so no type).
    assertThat(product("Nespresso descaling", "Run the cycle.").type()).isEqualTo("coffee-machine");
  }

  @Test
  void theTitlesSubjectOutranksTypeWordsInTheText() {
    String body =
        "Heat the glue with a hair dryer, then lift the panel. The hair dryer must be on low.";
    // The title names a printer: the hair dryer in the steps is a tool.
    assertThat(product("HP Deskjet printer side panel replacement", body).type())
        .isEqualTo("printer");
    // The title names a device we do not type: the text does not give it one of ours.
    assertThat(product("AirPort Extreme antenna replacement", body).type())
        .isNotEqualTo("hair-dryer");
    assertThat(product("Microwave door switch replacement", body).type()).isEmpty();
    // A title that names no device leaves the text to decide.
    assertThat(product("Side panel replacement", body + " The hair dryer again.").type())
        .isEqualTo("hair-dryer");
    // "toaster oven": the other-device word after a type word is that type's variant.
    assertThat(product("Toaster oven door replacement", body).type()).isEqualTo("toaster");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "This tablet is so much lighter than my iPad and the screen is sharp.",
        "Compared to the Samsung Galaxy Tab this one feels faster.",
        "I switched from Samsung phones last year and the setup was easy.",
        "A great alternative to the iPad for kids.",
        "Unlike the iPhone, the battery lasts two days.",
        "It is just like an iPad, only cheaper.",
      })
  void aComparedProductDoesNotKeyTheBrand(String text) {
    assertThat(product("Great buy", text).brand()).isEmpty();
  }

  @Test
  void aBrandBesideItsProductStillKeysOutsideComparisons() {
    assertThat(product("Great buy", "My iPad mini stopped charging after the update.").brand())
        .isEqualTo("Apple");
    assertThat(product("Won't connect", "The Samsung Galaxy Tab drops the wifi.").brand())
        .isEqualTo("Samsung");
  }

  @Test
  void aTextBrandThatCannotBeTheTitledSubjectDoesNotKey() {
    // The title says tablet; "my Sony TV" names another device, and Sony makes no tablets.
    Result r = key("Great tablet for the kids", "It casts to my Sony TV in the living room.");
    assertThat(r.keys().product().brand()).isEmpty();
    assertThat(r.keys().product().type()).isEqualTo("tablet");
    // A Samsung TV on a tablet page is another device, though Samsung makes tablets.
    assertThat(product("Great tablet for the kids", "It casts to my Samsung TV at home.").brand())
        .isEmpty();
    // The brand of the titled type keys from the text.
    assertThat(product("Tablet won't charge", "My Samsung Galaxy Tab shows 0%.").brand())
        .isEqualTo("Samsung");
  }
}
