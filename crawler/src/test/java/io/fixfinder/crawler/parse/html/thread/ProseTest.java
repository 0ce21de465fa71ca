package io.fixfinder.crawler.parse.html.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * {@link Prose} remembers each element's prose so that finding posts reads a page once: it must
 * give what reading each element afresh gives, read every element at most once however many are
 * asked, and stand a page nested as deep as jsoup builds.
 */
class ProseTest {
  static final String SENTENCE = "The pump hums but the drum stays full of water.";

  /** Prose read afresh from {@code root}: the definition, by plain recursion. */
  static int afresh(Node node, Predicate<Element> skip) {
    if (node instanceof TextNode t) return Cues.prose(t);
    if (!(node instanceof Element e) || skip.test(e) || Cues.NOT_PROSE.contains(e.normalName()))
      return 0;
    int total = 0;
    for (Node child : e.childNodes()) total += afresh(child, skip);
    return total;
  }

  @Test
  void countsSentencesNotLinksHeadingsDatesOrSkippedBlocks() {
    Document doc =
        Jsoup.parse(
            "<div id=post><h2>Washer will not drain at all</h2>"
                + "<p>"
                + SENTENCE
                + "</p><p>Posted on May 2, 2025</p>"
                + "<a href=/u/anna>a link that has words</a>"
                + "<div class=sig data-ff-noise=sig>My signature has several words in it.</div>"
                + "</div>");
    Prose prose = new Prose(PostReader::noise);
    assertThat(prose.of(doc.getElementById("post"))).isEqualTo(SENTENCE.length());
  }

  @Test
  void everyElementGetsWhatReadingItAfreshGives() {
    Document doc =
        Jsoup.parse(
            "<main><div class=posts>"
                + post(
                    "anna",
                    2,
                    "<blockquote>"
                        + SENTENCE
                        + "</blockquote><p>Mine does it too, only after the spin.</p>")
                + post(
                    "ben",
                    3,
                    "<ul><li>Check the filter behind the flap first.</li>"
                        + "<li>Then the hose <a href=/h>to the sump</a> for a sock.</li></ul>")
                + "<div class=reply data-ff-noise=ui>Reply with quote</div>"
                + "</div><aside>Related: three other threads on pumps.</aside></main>");
    Predicate<Element> skip =
        e -> e.hasAttr(PostReader.MARK) || e.normalName().equals("blockquote");
    Prose prose = new Prose(skip);
    // Asked bottom-up, top-down and in between: the answers must not depend on the order.
    List<Element> all = doc.getAllElements();
    for (Element e : all.reversed()) assertThat(prose.of(e)).isEqualTo(afresh(e, skip));
    Prose topDown = new Prose(skip);
    for (Element e : all) assertThat(topDown.of(e)).isEqualTo(afresh(e, skip));
    assertThat(prose.of(doc.body())).isGreaterThan(0);
  }

  @Test
  void aDeepPageIsReadOnceHoweverManyOfItsElementsAreAsked() {
    // Each wrapper holds a sentence and the next wrapper, as deep as jsoup nests (it stops at 512
    // and puts the rest side by side); asking for every element from the top down, as a post's
    // body is found, read afresh would read the page's depth times its size.
    int levels = 3000;
    StringBuilder html = new StringBuilder("<body>");
    for (int i = 0; i < levels; i++) html.append("<div class=wrap>").append(SENTENCE);
    html.append("</div>".repeat(levels));
    Document doc = Jsoup.parse(html.toString());
    List<Element> all = doc.body().getAllElements();
    Prose prose = new Prose(e -> false);
    for (Element e : all) prose.of(e);
    assertThat(prose.of(doc.body())).isEqualTo(levels * SENTENCE.length());
    assertThat(prose.elementsRead()).isEqualTo(all.size());
  }

  @Test
  void aThreadWhosePostsAreDeeplyWrappedIsReadAsBefore() {
    // Two posts, the second's text under 400 wrappers: the body is found by descending through
    // all of them, each step reading the prose of the children.
    String wrapped =
        "<div class=w>".repeat(400)
            + "<p>Clean the filter and the sump hose, then run a drain cycle.</p>"
            + "</div>".repeat(400);
    Document doc =
        Jsoup.parse(
            "<body><div class=thread>"
                + post("anna", 2, "<p>" + SENTENCE + " It started after a power cut.</p>")
                + post("ben", 5, wrapped)
                + "</div></body>");
    Optional<ThreadReader.Found> found = ThreadReader.read(doc, Map.of());
    assertThat(found).isPresent();
    assertThat(found.get().question().text())
        .isEqualTo(SENTENCE + " It started after a power cut.");
    assertThat(found.get().question().author()).isEqualTo("anna");
    assertThat(found.get().answers()).hasSize(1);
    assertThat(found.get().answers().getFirst().text())
        .isEqualTo("Clean the filter and the sump hose, then run a drain cycle.");
    assertThat(found.get().answers().getFirst().author()).isEqualTo("ben");
    assertThat(found.get().answers().getFirst().votes()).isEqualTo(5);
  }

  static String post(String author, int votes, String body) {
    return "<div class=post><div class=meta><a href=/u/"
        + author
        + ">"
        + author
        + "</a> <time datetime=2025-03-0"
        + votes
        + ">Mar "
        + votes
        + ", 2025</time> <span class=votes>"
        + votes
        + " votes</span></div><div class=body>"
        + body
        + "</div></div>";
  }
}
