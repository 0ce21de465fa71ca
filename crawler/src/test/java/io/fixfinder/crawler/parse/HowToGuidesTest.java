package io.fixfinder.crawler.parse;

import static io.fixfinder.crawler.parse.StructuredDataExtractorTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.Details.Guide;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.parse.schema.StructuredDataExtractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HowTo markup in the shapes sites publish, read into {@link Guide} details field by field. */
class HowToGuidesTest {
  @TempDir Path dir;
  private final StructuredDataExtractor extractor = new StructuredDataExtractor();

  private Draft only(String html) {
    List<Draft> drafts =
        extractor.extract(page(SourceKind.MANUAL, "http://127.0.0.1:9/guide/1", html));
    assertThat(drafts).hasSize(1);
    return drafts.getFirst();
  }

  private static String jsonLd(String json) {
    return "<html><head><script type=\"application/ld+json\">"
        + json
        + "</script></head><body><h1>Guide</h1></body></html>";
  }

  @Test
  void sectionsDirectionsTipsObjectsAndAboutProduct() {
    Draft d =
        only(
            jsonLd(
                """
                {"@context":"https://schema.org","@type":"HowTo","name":"Voltaro VX-1550 Battery Replacement",
                 "description":"Swap a worn battery.","totalTime":"PT45M","prepTime":"PT5M","performTime":"PT40M",
                 "datePublished":"2024-05-01",
                 "estimatedCost":{"@type":"MonetaryAmount","currency":"USD","value":"39"},
                 "additionalProperty":[{"@type":"PropertyValue","name":"Difficulty","value":"Moderate"}],
                 "about":{"@type":"Product","name":"Voltaro VX-1550","brand":{"@type":"Brand","name":"Voltaro"},"model":"VX-1550"},
                 "tool":["spudger",{"@type":"HowToTool","name":"T5 Torx screwdriver","requiredQuantity":1}],
                 "supply":[{"@type":"HowToSupply","name":"Thermal paste","requiredQuantity":{"@type":"QuantitativeValue","value":"2","unitText":"g"}}],
                 "step":[
                  {"@type":"HowToSection","name":"Opening","itemListElement":[
                    {"@type":"HowToStep","name":"Remove the base","text":"Undo the ten T5 screws.",
                     "image":{"@type":"ImageObject","url":"http://127.0.0.1:9/i/1.jpg"}},
                    {"@type":"HowToStep","name":"Pry the clips","itemListElement":[
                      {"@type":"HowToDirection","text":"Work the spudger around the seam."},
                      {"@type":"HowToTip","text":"Start at the hinge."}]}]},
                  {"@type":"HowToSection","name":"Battery","itemListElement":[
                    {"@type":"HowToStep","text":"Disconnect and lift out the battery."}]}]}
                """));
    assertThat(d.kind()).isEqualTo(SourceKind.MANUAL);
    assertThat(d.title()).isEqualTo("Voltaro VX-1550 Battery Replacement");
    Guide g = (Guide) d.details();
    assertThat(g.steps())
        .containsExactly(
            new Guide.Step(
                "Remove the base",
                "Undo the ten T5 screws.",
                "http://127.0.0.1:9/i/1.jpg",
                "Opening"),
            new Guide.Step(
                "Pry the clips",
                "Work the spudger around the seam. Tip: Start at the hinge.",
                "",
                "Opening"),
            new Guide.Step("", "Disconnect and lift out the battery.", "", "Battery"));
    assertThat(g.tools())
        .containsExactly(new Guide.Item("spudger", ""), new Guide.Item("T5 Torx screwdriver", "1"));
    assertThat(g.supplies()).containsExactly(new Guide.Item("Thermal paste", "2 g"));
    assertThat(g.difficulty()).isEqualTo("Moderate");
    assertThat(g.totalSeconds()).isEqualTo(45 * 60);
    assertThat(g.prepSeconds()).isEqualTo(5 * 60);
    assertThat(g.performSeconds()).isEqualTo(40 * 60);
    assertThat(g.about()).isEqualTo(new Guide.Device("Voltaro VX-1550", "Voltaro", "VX-1550"));
    assertThat(g.estimatedCost()).isEqualTo("39 USD");
    assertThat(d.productHint().brand()).isEqualTo("Voltaro");
    assertThat(d.productHint().model()).isEqualTo("VX-1550");
    assertThat(d.text())
        .isEqualTo(
            """
            Swap a worn battery.
            Opening
            1. Remove the base: Undo the ten T5 screws.
            2. Pry the clips: Work the spudger around the seam. Tip: Start at the hinge.
            Battery
            3. Disconnect and lift out the battery.""");
    assertThat(d.fixHint()).isTrue();
  }

  @Test
  void graphWithPageMainEntityPlainStepsStringToolsAndAboutReference() {
    Draft d =
        only(
            jsonLd(
                """
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","@id":"http://127.0.0.1:9/guide/1","mainEntity":
                    {"@type":"HowTo","name":"Descale the CM-320","difficulty":"Easy","totalTime":"1 hour 30 min",
                     "about":{"@id":"#machine"},
                     "tool":"bucket, soft cloth; measuring jug",
                     "step":["Fill the tank with descaler.","Run the rinse programme twice."]}},
                  {"@type":"Product","@id":"#machine","name":"Kesseler CM-320","brand":"Kesseler","mpn":"CM-320"}]}
                """));
    Guide g = (Guide) d.details();
    assertThat(g.steps())
        .extracting(Guide.Step::text)
        .containsExactly("Fill the tank with descaler.", "Run the rinse programme twice.");
    assertThat(g.tools())
        .extracting(Guide.Item::name)
        .containsExactly("bucket", "soft cloth", "measuring jug");
    assertThat(g.difficulty()).isEqualTo("Easy");
    assertThat(g.totalSeconds()).isEqualTo(90 * 60);
    assertThat(g.about()).isEqualTo(new Guide.Device("Kesseler CM-320", "Kesseler", "CM-320"));
    assertThat(d.text())
        .isEqualTo("1. Fill the tank with descaler.\n2. Run the rinse programme twice.");
  }

  @Test
  void microdataStepsToolsAndAHtmlDifficultyLabel() {
    Draft d =
        only(
            """
            <html><body><article itemscope itemtype="https://schema.org/HowTo">
              <h1 itemprop="name">Replace the drain pump</h1>
              <p class="meta"><span>Difficulty</span> <span>Difficult</span></p>
              <ul><li itemprop="tool" itemscope itemtype="https://schema.org/HowToTool"><span itemprop="name">Nut driver 8 mm</span></li>
                  <li itemprop="tool">Towels</li></ul>
              <span itemprop="supply">Replacement pump</span>
              <ol>
                <li itemprop="step" itemscope itemtype="https://schema.org/HowToStep"><span itemprop="text">Unplug the washer.</span></li>
                <li itemprop="step" itemscope itemtype="https://schema.org/HowToStep"><b itemprop="name">Pump</b> <span itemprop="text">Unscrew the pump and fit the new one.</span></li>
              </ol></article></body></html>
            """);
    Guide g = (Guide) d.details();
    assertThat(g.steps())
        .containsExactly(
            new Guide.Step("", "Unplug the washer.", "", ""),
            new Guide.Step("Pump", "Unscrew the pump and fit the new one.", "", ""));
    assertThat(g.tools()).extracting(Guide.Item::name).containsExactly("Nut driver 8 mm", "Towels");
    assertThat(g.supplies()).extracting(Guide.Item::name).containsExactly("Replacement pump");
    assertThat(g.difficulty()).isEqualTo("Difficult");
    assertThat(g.about()).isEqualTo(Guide.Device.NONE);
  }

  @Test
  void guideDetailsSurviveTheRecordLogAndOldManualSectionsStillRead() throws Exception {
    Draft d =
        only(
            jsonLd(
                """
                {"@type":"HowTo","name":"Fit a belt","tool":["spudger"],"step":[{"@type":"HowToStep","text":"Fit it."}]}
                """));
    String json = Json.mapper().writeValueAsString(d.details());
    assertThat(json).contains("\"form\":\"guide\"", "\"tools\":[{\"name\":\"spudger\"");
    assertThat(Json.mapper().readValue(json, Details.class)).isEqualTo(d.details());
    // a line written before guides existed: a HowTo stored as a manual section
    String old =
        """
        {"id":"x","url":"http://m/g","kind":"MANUAL","site":"m","title":"Fit a belt","text":"1. Fit it.",
         "product":{"type":"","brand":"","model":""},"errorCodes":[],"symptoms":[],"fixReported":true,
         "published":"1970-01-01T00:00:00Z",
         "details":{"form":"manual-section","manualUrl":"http://m/g","manualTitle":"Fit a belt","page":0,
                    "problem":"","cause":"","remedy":"\\n1. Fit it."}}
        """;
    SourceDoc doc = Json.mapper().readValue(old, SourceDoc.class);
    assertThat(((Details.ManualSection) doc.details()).remedy()).isEqualTo("\n1. Fit it.");
    // a guide line from a writer that knew fewer fields reads with empty defaults
    Guide sparse =
        (Guide) Json.mapper().readValue("{\"form\":\"guide\",\"steps\":[]}", Details.class);
    assertThat(sparse.tools()).isEmpty();
    assertThat(sparse.about()).isEqualTo(Guide.Device.NONE);
    assertThat(sparse.difficulty()).isEmpty();
  }

  @Test
  void articleWhoseMainEntityIsAHowToWithPluralKeysIsOneGuide() {
    Draft d =
        only(
            jsonLd(
                """
                {"@type":"TechArticle","headline":"Fix the hinge","mainEntity":{"@type":"HowTo","name":"Fix the hinge",
                 "tools":["Allen key 4 mm"],"supplies":"Threadlocker",
                 "steps":[{"@type":"HowToStep","name":"Tighten","text":"Tighten both hinge bolts."}]}}
                """));
    Guide g = (Guide) d.details();
    assertThat(g.tools()).extracting(Guide.Item::name).containsExactly("Allen key 4 mm");
    assertThat(g.supplies()).extracting(Guide.Item::name).containsExactly("Threadlocker");
    // a title the text opens with is not repeated
    assertThat(d.text()).isEqualTo("1. Tighten both hinge bolts.");
  }

  @Test
  void aPlainHtmlManualPageWithAStepListGetsGuideDetails() throws Exception {
    String html =
        """
        <html><head><title>Dryer belt replacement</title></head><body><main>
        <h1>Dryer belt replacement</h1><p>Difficulty: Moderate</p>
        <h2>Tools</h2><ul><li>Putty knife</li><li>Nut driver</li></ul>
        <h3>Step 1</h3><p>Slide the putty knife under the front edge of the top panel and lift it.</p>
        <h3>Step 2</h3><p>Loop the new belt around the drum and the motor pulley, then close up.</p>
        </main></body></html>""";
    List<SourceDoc> docs;
    try (var log = RecordLog.openForAppend(dir.resolve("r.jsonl"))) {
      docs =
          new PageProcessor(new Keying(KeyExtractor.builtIn()), log)
              .process(page(SourceKind.MANUAL, "http://127.0.0.1:9/g/belt", html))
              .docs();
    }
    assertThat(docs).hasSize(1);
    Guide g = (Guide) docs.getFirst().details();
    assertThat(g.steps()).hasSize(2);
    assertThat(g.tools()).extracting(Guide.Item::name).containsExactly("Putty knife", "Nut driver");
    assertThat(g.difficulty()).isEqualTo("Moderate");
  }
}
