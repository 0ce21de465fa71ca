package io.fixfinder.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.fetch.FetchedPage;
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

class StructuredDataExtractorTest {
  @TempDir Path dir;

  static FetchedPage page(SourceKind kind, String url, String html) {
    SiteConfig site = SiteConfig.of("t", kind, URI.create(url).resolve("/"), true);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    return new FetchedPage(
        site,
        URI.create(url),
        200,
        "text/html; charset=utf-8",
        body,
        Map.of(),
        Instant.now(),
        Optional.of(Html.parse(body, "utf-8", url)));
  }

  List<SourceDoc> process(FetchedPage page) throws Exception {
    try (RecordLog log = RecordLog.openForAppend(dir.resolve("r.jsonl"))) {
      return new PageProcessor(new Keying(KeyExtractor.builtIn()), log).process(page).docs();
    }
  }

  @Test
  void qaPageKeepsTheAcceptedAnswerAndVotes() throws Exception {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question",
         "name":"Aqualine wm8420x wont drain, E-18 on display","text":"Washer full of water. #broken",
         "answerCount":2,"upvoteCount":3,"dateCreated":"2025-03-02T10:00:00Z",
         "acceptedAnswer":{"@type":"Answer","text":"Clean the drain pump filter behind the kickplate. <b>Unplug first!</b>","upvoteCount":42},
         "suggestedAnswer":[{"@type":"Answer","text":"Call a technician","upvoteCount":2}]}}
        </script></head><body><p>x</p></body></html>""";
    List<SourceDoc> docs = process(page(SourceKind.FORUM, "http://127.0.0.1:9/t/1", html));
    assertThat(docs).hasSize(1);
    SourceDoc doc = docs.getFirst();
    assertThat(doc.kind()).isEqualTo(SourceKind.FORUM);
    assertThat(doc.product().model()).isEqualTo("WM-8420X");
    assertThat(doc.product().brand()).isEqualTo("Aqualine");
    assertThat(doc.errorCodes()).containsExactly("E18");
    assertThat(doc.symptoms()).contains("wont-drain");
    assertThat(doc.fixReported()).isTrue();
    Details.Thread thread = (Details.Thread) doc.details();
    assertThat(thread.acceptedAnswer())
        .isEqualTo("Clean the drain pump filter behind the kickplate. Unplug first!");
    assertThat(thread.acceptedVotes()).isEqualTo(42);
    assertThat(thread.topVotes()).isEqualTo(42);
    assertThat(doc.published()).isEqualTo(Instant.parse("2025-03-02T10:00:00Z"));
  }

  @Test
  void qaPageWithoutAnAcceptedAnswerShowsTheMostVotedReplyAndItsAuthors() throws Exception {
    String html =
        """
        <html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question",
         "name":"Brake pedal goes soft after a few stops","text":"Pedal sinks halfway, fluid is full.",
         "author":{"@type":"Person","name":"rustbucket"},"datePublished":"2025-05-06T08:00:00Z",
         "suggestedAnswer":[
           {"@type":"Answer","text":"Check the master cylinder.","upvoteCount":3,"author":"pads_and_rotors"},
           {"@type":"Answer","text":"Bleed the brakes, starting at the far wheel.","upvoteCount":9,
            "author":{"@type":"Person","name":"caliper_carl"}},
           {"@type":"Answer","text":"Same here.","upvoteCount":9}]}}
        </script></head><body><p>x</p></body></html>""";
    Details.Thread thread =
        (Details.Thread)
            process(page(SourceKind.FORUM, "http://127.0.0.1:9/t/2", html)).getFirst().details();
    assertThat(thread.hasAcceptedAnswer()).isFalse();
    assertThat(thread.bestAnswer()).isEqualTo("Bleed the brakes, starting at the far wheel.");
    assertThat(thread.bestVotes()).isEqualTo(9);
    assertThat(thread.bestAuthor()).isEqualTo("caliper_carl");
    assertThat(thread.questionAuthor()).isEqualTo("rustbucket");
    assertThat(thread.questionDate()).isEqualTo(Instant.parse("2025-05-06T08:00:00Z"));
  }

  @Test
  void productWithReviewsGivesLabelledRatings() throws Exception {
    String html =
        """
        <html><head><script type="application/ld+json">
        [{"@context":"https://schema.org","@type":"Product","name":"Brewster AC1200-B","brand":{"@type":"Brand","name":"Brewster"},
          "model":"ac1200b","sku":"BR-1","aggregateRating":{"@type":"AggregateRating","ratingValue":"3.4","reviewCount":"17"},
          "review":[{"@type":"Review","author":{"@type":"Person","name":"kim"},"reviewRating":{"@type":"Rating","ratingValue":"1","bestRating":"5"},
                     "reviewBody":"Shows OE after 2 months, no coffee comes out #refund"}]}]
        </script></head><body></body></html>""";
    List<SourceDoc> docs = process(page(SourceKind.REVIEW, "http://127.0.0.1:9/p/ac1200b", html));
    assertThat(docs)
        .extracting(SourceDoc::kind)
        .containsExactly(SourceKind.PRODUCT, SourceKind.REVIEW);
    Details.Product product = (Details.Product) docs.get(0).details();
    assertThat(product.ratingValue()).isEqualTo(3.4);
    assertThat(product.reviewCount()).isEqualTo(17);
    assertThat(product.ratingSource()).isEqualTo("127.0.0.1");
    SourceDoc review = docs.get(1);
    assertThat(review.product().model()).isEqualTo("AC1200-B");
    assertThat(review.errorCodes()).containsExactly("OE");
    assertThat(((Details.Review) review.details()).rating()).isEqualTo(1.0);
  }

  @Test
  void microdataIsReadLikeJsonLd() throws Exception {
    String html =
        """
        <html><body><div itemscope itemtype="https://schema.org/Product">
          <h1 itemprop="name">Kesseler CM-320</h1>
          <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Kesseler</span></span>
          <div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">
            <span itemprop="ratingValue">4.1</span> from <span itemprop="reviewCount">9</span></div>
        </div></body></html>""";
    List<SourceDoc> docs = process(page(SourceKind.PRODUCT, "http://127.0.0.1:9/p/cm320", html));
    assertThat(docs).hasSize(1);
    assertThat(docs.getFirst().product().brand()).isEqualTo("Kesseler");
    assertThat(docs.getFirst().product().model()).isEqualTo("CM-320");
    assertThat(((Details.Product) docs.getFirst().details()).ratingValue()).isEqualTo(4.1);
  }

  @Test
  void manualTableRowsBecomeRecords() throws Exception {
    String html =
        """
        <html><head><title>WM-8420X manual</title></head><body><nav>Home | Manuals</nav><main>
        <h1>Aqualine WM-8420X — Troubleshooting</h1><p>Before calling service, check the table below for your fault.</p>
        <table><tr><th>Problem</th><th>Possible cause</th><th>What to do</th></tr>
        <tr><td>E18 – Water does not drain</td><td>Drain pump filter blocked</td><td>Clean the pump filter behind the kickplate.</td></tr>
        <tr><td>E21 – Door will not open</td><td>Door lock fault</td><td>Wait 2 minutes, then switch off and on.</td></tr>
        </table></main><div class="ad">BUY NOW</div></body></html>""";
    List<SourceDoc> docs = process(page(SourceKind.MANUAL, "http://127.0.0.1:9/m/wm8420x", html));
    assertThat(docs).hasSize(3);
    assertThat(docs.getFirst().text()).doesNotContain("BUY NOW").doesNotContain("Home | Manuals");
    SourceDoc e18 = docs.get(1);
    assertThat(e18.url()).endsWith("#trouble-1");
    assertThat(e18.errorCodes()).containsExactly("E18");
    assertThat(e18.fixReported()).isTrue();
    Details.ManualSection row = (Details.ManualSection) e18.details();
    assertThat(row.cause()).isEqualTo("Drain pump filter blocked");
    assertThat(row.remedy()).isEqualTo("Clean the pump filter behind the kickplate.");
  }

  @Test
  void perSiteSelectorsPickTitleContentAndRemoveBoilerplate() throws Exception {
    String html =
        """
        <html><body><div class="topbar">Sign in | Register</div>
        <div class="thread"><span class="subject">Lumio LX-20 wont charge</span>
        <div class="msg"><div class="txt">My LX-20 stopped charging, cable is fine, tried 3 chargers. Any idea?</div><b class="pts">3</b></div>
        <div class="msg"><div class="txt">Clean the charging port with a wooden toothpick, it is full of pocket lint. That fixed it.</div><b class="pts">12</b><i class="ok">best</i></div>
        <div class="promo">Buy a new phone today!</div></div></body></html>""";
    SiteConfig site =
        new SiteConfig(
            "odd",
            SourceKind.FORUM,
            List.of(URI.create("http://127.0.0.1:9/")),
            List.of(),
            Map.of(
                "title",
                ".subject",
                "content",
                ".thread",
                "remove",
                ".promo, .topbar",
                "post",
                ".msg",
                "postBody",
                ".txt",
                "votes",
                ".pts",
                "accepted",
                ".ok"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            false);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    FetchedPage page =
        new FetchedPage(
            site,
            URI.create("http://127.0.0.1:9/t/9"),
            200,
            "text/html",
            body,
            Map.of(),
            Instant.now(),
            Optional.of(Html.parse(body, "utf-8", "http://127.0.0.1:9/t/9")));
    SourceDoc doc = process(page).getFirst();
    assertThat(doc.title()).isEqualTo("Lumio LX-20 wont charge");
    assertThat(doc.text()).doesNotContain("Buy a new phone").doesNotContain("Sign in");
    Details.Thread thread = (Details.Thread) doc.details();
    assertThat(thread.acceptedAnswer()).startsWith("Clean the charging port");
    assertThat(thread.acceptedVotes()).isEqualTo(12);
    assertThat(doc.symptoms()).contains("not-charging");
    assertThat(doc.product().model()).isEqualTo("LX-20");
  }

  @Test
  void brokenJsonLdFallsBackToHtml() throws Exception {
    String html =
        """
        <html><head><script type="application/ld+json">{"@type": "QAPage", oops</script></head><body>
        <div class="post"><div class="post-body">My Kesseler dishwasher shows F21 and wont drain at all, help</div><span class="votes">2</span></div>
        <div class="post accepted"><div class="post-body">Check the drain hose for a kink, mine was crushed. That fixed it.</div><span class="votes">7</span></div>
        </body></html>""";
    List<SourceDoc> docs = process(page(SourceKind.FORUM, "http://127.0.0.1:9/t/2", html));
    assertThat(docs).hasSize(1);
    Details.Thread thread = (Details.Thread) docs.getFirst().details();
    assertThat(thread.acceptedAnswer()).startsWith("Check the drain hose");
    assertThat(thread.acceptedVotes()).isEqualTo(7);
    assertThat(docs.getFirst().errorCodes()).containsExactly("F21");
  }
}
