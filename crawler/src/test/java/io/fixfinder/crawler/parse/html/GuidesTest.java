package io.fixfinder.crawler.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details.Guide;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Plain-HTML guides (no HowTo markup), in page shapes written for this test. */
class GuidesTest {
  private static Optional<Guide> read(String body) {
    Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "http://127.0.0.1:9/g/");
    return Guides.read(doc.body());
  }

  @Test
  void stepHeadingsToolsPartsAndDifficulty() {
    Guide g =
        read("""
                <h1>Dryer belt replacement</h1>
                <dl><dt>Difficulty</dt><dd>Moderate</dd><dt>Time</dt><dd>1 hour</dd></dl>
                <h2>Tools</h2><ul><li>Putty knife</li><li>5/16" nut driver</li><li>putty knife</li></ul>
                <h2>Parts</h2><ul><li>Drive belt</li></ul>
                <h3>Step 1: Remove the top panel</h3><p>Slide the putty knife under the front edge.</p>
                <img src="/i/1.jpg">
                <h3>Step 2</h3><p>Unscrew the two screws at the top of the front panel.</p>
                <h3>Step 3 — Fit the belt</h3><p>Loop the belt around the drum and the motor pulley.</p>
                <h2>Comments</h2><p>Great guide!</p>
                """)
            .orElseThrow();
    assertThat(g.steps())
        .containsExactly(
            new Guide.Step(
                "Remove the top panel",
                "Slide the putty knife under the front edge.",
                "http://127.0.0.1:9/i/1.jpg",
                ""),
            new Guide.Step("", "Unscrew the two screws at the top of the front panel.", "", ""),
            new Guide.Step(
                "Fit the belt", "Loop the belt around the drum and the motor pulley.", "", ""));
    assertThat(g.tools())
        .extracting(Guide.Item::name)
        .containsExactly("Putty knife", "5/16\" nut driver");
    assertThat(g.parts()).extracting(Guide.Item::name).containsExactly("Drive belt");
    assertThat(g.difficulty()).isEqualTo("Moderate");
  }

  @Test
  void orderedListUnderAnInstructionsHeading() {
    Guide g =
        read("""
                <h1>Clean the filter</h1><p>Difficulty: Easy</p>
                <p><strong>What you'll need</strong></p><ul><li>Bucket</li><li>Old toothbrush</li></ul>
                <h2>Instructions</h2>
                <ol><li>Open the flap.</li><li>Drain the water into the bucket.</li><li>Scrub the filter.</li></ol>
                """)
            .orElseThrow();
    assertThat(g.steps())
        .extracting(Guide.Step::text)
        .containsExactly("Open the flap.", "Drain the water into the bucket.", "Scrub the filter.");
    assertThat(g.tools()).extracting(Guide.Item::name).containsExactly("Bucket", "Old toothbrush");
    assertThat(g.difficulty()).isEqualTo("Easy");
  }

  @Test
  void pagesWithoutAClearStepListAreNoGuides() {
    // a numbered list that is not announced as steps, and a single "step" heading
    assertThat(
            read(
                "<h2>Top models</h2><ol><li>A</li><li>B</li><li>C</li></ol>"
                    + "<h3>Step 1</h3><p>Only one.</p>"))
        .isEmpty();
    assertThat(read("<h2>Steps</h2><ol><li>Open it.</li><li>Close it.</li></ol>")).isEmpty();
  }

  @Test
  void aDifficultyFilterMenuIsNoDifficulty() {
    Document doc =
        Jsoup.parse(
            "<nav><span>Difficulty</span><ul><li>Easy</li><li>Moderate</li><li>Hard</li></ul></nav>"
                + "<p>Our difficulty ratings explain how hard a repair is for a beginner.</p>");
    assertThat(Guides.difficulty(doc.body())).isEmpty();
  }
}
