package io.fixfinder.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keying through the page pipeline on page shapes written by us, modelled on the failures seen on
 * unseen sites (#12): the site's breadcrumbs and HowTo markup key a guide; incidental words in a
 * car thread do not; codes need code evidence.
 */
class KeyingPageShapesTest {
  @TempDir Path dir;

  private SourceDoc only(SourceKind kind, String url, String html) throws Exception {
    try (RecordLog log = RecordLog.openForAppend(dir.resolve("r.jsonl"))) {
      List<SourceDoc> docs =
          new PageProcessor(new Keying(KeyExtractor.builtIn()), log)
              .process(StructuredDataExtractorTest.page(kind, url, html))
              .docs();
      assertThat(docs).isNotEmpty();
      return docs.getFirst();
    }
  }

  private static final String IPOD_GUIDE =
      """
      <html><head><title>Battery Replacement</title>
      <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[
        {"@type":"ListItem","position":1,"name":"Home"},
        {"@type":"ListItem","position":2,"name":"Media Player"},
        {"@type":"ListItem","position":3,"name":"iPod Classic"}]}
      </script></head><body><main><article>
      <h1>Battery Replacement</h1>
      <p>Insert a plastic opening tool near the headphone jack and pry the rear panel open.
      Remove the two Philips screws holding the battery connector with a Philips #00 screwdriver.
      Order the replacement battery, iFixit part number IF145-079, before you start.</p>
      <p>Disconnect the battery and lift it out of the case. Place the new battery and close the panel.</p>
      </article></main></body></html>
      """;

  @Test
  void breadcrumbsKeyAGuideAndIncidentalWordsDoNot() throws Exception {
    SourceDoc doc = only(SourceKind.MANUAL, "https://guides.example/Guide/Battery/1", IPOD_GUIDE);
    assertThat(doc.product().brand()).isEqualTo("Apple");
    assertThat(doc.product().type()).as("headphone jack is not headphones").isEmpty();
    assertThat(doc.product().model()).as("a part number is not a model").isEmpty();
  }

  @Test
  void navBreadcrumbAndUrlPath() throws Exception {
    String html =
        """
        <html><head><title>Brush roll won't spin</title></head><body>
        <nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/c/vacuum">Vacuum Cleaners</a></li>
        <li><a href="/c/vacuum/shark">Shark</a></li></ol></nav>
        <main><article><h1>Brush roll won't spin</h1>
        <p>Turn it over on a flat surface and remove the bottom plate. Cut away the hair wrapped round the roll.</p>
        <p>Check the belt for wear, replace it if it is cracked, and refit the plate.</p></article></main></body></html>
        """;
    SourceDoc doc =
        only(SourceKind.MANUAL, "https://fix.example/Device/Shark_Navigator/brush", html);
    assertThat(doc.product().brand()).isEqualTo("Shark");
    assertThat(doc.product().type()).isEqualTo("vacuum");
  }

  @Test
  void aCarThreadKeysCarAndItsCodesButNotMicrosoftOrChassis() throws Exception {
    String html =
        """
        <html><head><title>Brake rotors warped? E39 530i</title></head><body><main><article>
        <h1>Brake rotors warped? E39 530i</h1>
        <p>Park the car on a flat surface. My BMW E39 shudders when braking and the scanner shows
        code P1259 and C1210 after the ABS light came on. See https://example.com/a%2Cb for pics.</p>
        <p>Watching F1 on Sunday I had the same shudder: rotors. Replace both and bleed the brakes.</p>
        </article></main></body></html>
        """;
    SourceDoc doc = only(SourceKind.MANUAL, "https://cars.example/t/brake-rotors", html);
    assertThat(doc.product().brand()).isEqualTo("BMW");
    assertThat(doc.product().type()).isEqualTo("car");
    assertThat(doc.errorCodes()).containsExactly("P1259", "C1210");
  }

  @Test
  void aProductHintIsStrongEvidence() {
    // What StructuredDataExtractor puts in productHint from a HowTo's "about" or a Product.
    Draft draft =
        new Draft(
            "https://guides.example/descaling",
            SourceKind.MANUAL,
            "Descaling",
            "Run an empty hot wash with descaler. Wipe the door seal after the wash.",
            new ProductRef("", "Aqualine", "wm8420x"),
            false,
            null,
            null);
    SourceDoc doc = new Keying(KeyExtractor.builtIn()).key(draft, "guides.example");
    assertThat(doc.product()).isEqualTo(new ProductRef("washing-machine", "Aqualine", "WM-8420X"));
  }

  @Test
  void pageContextReadsTheTrailShapes() {
    var ld = Html.parse(IPOD_GUIDE.getBytes(), "utf-8", "https://x.example/");
    assertThat(PageContext.trail(ld)).containsExactly("Home", "Media Player", "iPod Classic");
    var micro =
        Html.parse(
            ("<ol itemscope itemtype=\"https://schema.org/BreadcrumbList\"><li"
                    + " itemprop=\"itemListElement\" itemscope"
                    + " itemtype=\"https://schema.org/ListItem\"><span"
                    + " itemprop=\"name\">Kettles</span></li></ol>")
                .getBytes(),
            "utf-8",
            "https://x.example/");
    assertThat(PageContext.trail(micro)).containsExactly("Kettles");
    var css =
        Html.parse(
            "<div class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/p\">Printers</a></div>"
                .getBytes(),
            "utf-8",
            "https://x.example/");
    assertThat(PageContext.trail(css)).containsExactly("Home", "Printers");
    var none = Html.parse("<p>no trail</p>".getBytes(), "utf-8", "https://x.example/");
    assertThat(PageContext.trail(none)).isEmpty();
    assertThat(new ProductRef("", "", "").isUnknown()).isTrue();
  }
}
