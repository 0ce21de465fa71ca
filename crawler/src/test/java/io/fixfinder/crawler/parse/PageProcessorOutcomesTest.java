package io.fixfinder.crawler.parse;

import static io.fixfinder.crawler.parse.StructuredDataExtractorTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.FetchedPage;
import io.fixfinder.crawler.run.PageOutcome;
import io.fixfinder.crawler.source.SiteConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page the processor is handed ends in one outcome with a reason; none vanishes. */
class PageProcessorOutcomesTest {
  @TempDir Path dir;

  static final String GUIDE =
      "<html><head><title>Replace the drain pump</title></head><body><main>"
          + "<h1>Replace the drain pump</h1>"
          + "<p>Unplug the washer and empty it through the emergency hose behind the flap.</p>"
          + "<p>Undo the three screws of the kick plate and unclip the pump from its housing.</p>"
          + "</main></body></html>";

  static final String INDEX =
      "<html><head><title>Index</title></head><body><main><h1>Index</h1><ul>"
          + "<li><a href='/m/1'>Aqualine WM-8420X washing machine manual</a></li>"
          + "<li><a href='/m/2'>Brewster AC1200-B coffee machine manual</a></li>"
          + "<li><a href='/m/3'>Kesseler SMV-46KX dishwasher manual</a></li>"
          + "<li><a href='/m/4'>Lumio LX-20 smartphone manual</a></li>"
          + "<li><a href='/m/5'>Voltaro VX-1550 laptop manual</a></li>"
          + "</ul></main></body></html>";

  List<PageOutcome> handle(FetchedPage... pages) throws Exception {
    try (RecordLog log = RecordLog.openForAppend(dir.resolve("records.jsonl"))) {
      PageProcessor processor = new PageProcessor(new Keying(KeyExtractor.builtIn()), log);
      return java.util.Arrays.stream(pages).map(p -> processor.page(p, "run-1")).toList();
    }
  }

  @Test
  void aGuideIsStoredAndItsCopyElsewhereIsAliased() throws Exception {
    assertThat(
            handle(
                page(SourceKind.MANUAL, "http://127.0.0.1:9/g/pump", GUIDE),
                page(SourceKind.MANUAL, "http://127.0.0.1:9/mirror/pump", GUIDE)))
        .containsExactly(new PageOutcome.Stored(1, 0), new PageOutcome.Aliased(1));
  }

  @Test
  void aSiteIndexOfLinksIsAListingNotAManualTitledIndex() throws Exception {
    assertThat(handle(page(SourceKind.MANUAL, "http://127.0.0.1:9/", INDEX)))
        .containsExactly(new PageOutcome.Listing());
    assertThat(RecordLog.read(dir.resolve("records.jsonl")).docs()).isEmpty();
  }

  @Test
  void pagesWithoutContentSayWhy() throws Exception {
    String prose =
        "<html><body><main><p>Our workshop is open Monday to Friday from nine to five, and on"
            + " Saturdays by appointment only.</p></main></body></html>";
    assertThat(
            handle(
                page(SourceKind.MANUAL, "http://127.0.0.1:9/a", "<html><body>Hi</body></html>"),
                page(SourceKind.FORUM, "http://127.0.0.1:9/about", prose)))
        .containsExactly(
            new PageOutcome.NoContent("too little text"),
            new PageOutcome.NoContent("forum page with no posts found"));
  }

  @Test
  void aPageWhoseExtractionThrowsIsAnErrorAndTheNextPageIsStillStored() throws Exception {
    // A site selector jsoup cannot parse makes the generic extractor throw on every page.
    SiteConfig broken =
        new SiteConfig(
            "t",
            SourceKind.MANUAL,
            List.of(URI.create("http://127.0.0.1:9/")),
            List.of(),
            Map.of("content", "div[[["),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            true);
    FetchedPage good = page(SourceKind.MANUAL, "http://127.0.0.1:9/g/pump", GUIDE);
    FetchedPage bad =
        new FetchedPage(
            broken,
            URI.create("http://127.0.0.1:9/g/other"),
            200,
            "text/html",
            GUIDE.getBytes(StandardCharsets.UTF_8),
            Map.of(),
            Instant.now(),
            good.parsedHtml());
    List<PageOutcome> outcomes = handle(bad, good);
    assertThat(outcomes.getFirst()).isInstanceOf(PageOutcome.Error.class);
    assertThat(outcomes.getFirst().reason()).startsWith("extraction threw ");
    assertThat(outcomes.get(1)).isEqualTo(new PageOutcome.Stored(1, 0));
  }
}
