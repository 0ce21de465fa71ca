package io.fixfinder.crawler.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Listing detection on page shapes it was not tuned on: our own fixtures of common listing and
 * content shapes, and pages built from real repair guides (MyFixit) and their category indexes. The
 * thresholds were chosen on the demo corpus (docs/extraction.md).
 */
class ListingsTest {
  static boolean listing(String body) {
    return Listings.isListing(MainContent.of(Jsoup.parse("<html><body>" + body), Map.of()));
  }

  static String repeat(int n, String item) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) sb.append(item.replace("{i}", Integer.toString(i)));
    return sb.toString();
  }

  static final String PROSE =
      "Unplug the machine and wait ten minutes before you open the back panel, then lay a towel"
          + " under the filter flap because some water is always left in the sump.";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "phpBB-like board: title, author, replies, last post per row | true",
        "Discourse-like latest: topic link, category, replies, activity | true",
        "blog archive: linked title and a one-line teaser per entry | true",
        "category of guides: link then a short description | true",
        "wiki article with inline links in long paragraphs | false",
        "thread: posts with author links and long text | false",
        "guide with a linked toolbox and long steps | false",
        "short page with two links | false",
      })
  void shapes(String shape, boolean expected) {
    String body =
        switch (shape.substring(0, shape.indexOf(':') > 0 ? shape.indexOf(':') : shape.length())) {
          case "phpBB-like board" ->
              "<main><h1>Washing machines</h1><table>"
                  + repeat(
                      12,
                      "<tr><td><a href='/t/{i}'>Drum does not turn after program {i}</a></td>"
                          + "<td><a href='/u/{i}'>user{i}</a></td><td>{i}4</td>"
                          + "<td>Mon 3 Jun, 10:2{i}</td></tr>")
                  + "</table></main>";
          case "Discourse-like latest" ->
              "<main>"
                  + repeat(
                      20,
                      "<div class='topic'><a href='/t/{i}'>Dryer stops after a minute {i}</a>"
                          + " <span class='cat'>Appliances</span> <span>{i} replies</span>"
                          + " <span>{i}h</span></div>")
                  + "</main>";
          case "blog archive" ->
              "<main><h1>Archive</h1>"
                  + repeat(
                      8,
                      "<article><h2><a href='/p/{i}'>Fixing a squeaky dishwasher door part {i}</a>"
                          + "</h2><p>What we found behind the kick plate.</p></article>")
                  + "</main>";
          case "category of guides" ->
              "<main><h1>Dryer guides</h1><ul>"
                  + repeat(
                      9,
                      "<li><a href='/g/{i}'>Replace the drum belt {i}</a> – belt, idler pulley"
                          + " and the two screws under the lint filter.</li>")
                  + "</ul></main>";
          case "wiki article with inline links in long paragraphs" ->
              "<main><h1>Drain pump</h1>"
                  + repeat(
                      6,
                      "<p>A <a href='/w/pump'>drain pump</a> moves water out of the "
                          + "<a href='/w/tub'>tub</a>. "
                          + PROSE
                          + " See <a href='/w/filter'>filter</a> for cleaning. "
                          + PROSE
                          + "</p>")
                  + "</main>";
          case "thread" ->
              "<main><h1>E18 on my washer</h1>"
                  + repeat(
                      6,
                      "<div class='post'><div class='author'><a href='/u/{i}'>member{i}</a>"
                          + "</div><div class='body'><p>"
                          + PROSE
                          + "</p></div><a href='/report/{i}'>Report</a></div>")
                  + "</main>";
          case "guide with a linked toolbox and long steps" ->
              "<main><h1>Replace the door seal</h1><h2>Tools</h2><ul>"
                  + repeat(5, "<li><a href='/tools/{i}'>Screwdriver T{i}</a></li>")
                  + "</ul><h2>Steps</h2><ol>"
                  + repeat(6, "<li>" + PROSE + " " + PROSE + "</li>")
                  + "</ol></main>";
          case "short page with two links" ->
              "<main><p><a href='/a'>Home</a> <a href='/b'>Contact</a></p><p>"
                  + PROSE
                  + "</p></main>";
          default -> throw new IllegalArgumentException(shape);
        };
    assertThat(listing(body)).as(shape).isEqualTo(expected);
  }

  /**
   * Real guides (MyFixit: titles, toolboxes with store links, step texts) as guide pages, and one
   * index page per device category listing its guides. Every guide page must stay content and
   * nearly every index a listing.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Appliance.json", "Computer Hardware.json"})
  void realGuidesAreContentAndTheirCategoryIndexesAreListings(String name) throws Exception {
    Path file = Path.of(System.getProperty("fixfinder.shared", "../shared"), "data/myfixit", name);
    Assumptions.assumeTrue(
        Files.exists(file), "../shared/data/myfixit is absent: skipping the real-guide check");
    Map<String, List<JsonNode>> byCategory = new LinkedHashMap<>();
    int guides = 0;
    int guidesTakenForListings = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        JsonNode g = Json.mapper().readTree(line);
        byCategory.computeIfAbsent(g.path("Category").asText(), k -> new ArrayList<>()).add(g);
        guides++;
        if (listing(guidePage(g))) guidesTakenForListings++;
      }
    }
    int indexes = 0;
    int indexesFound = 0;
    for (List<JsonNode> category : byCategory.values()) {
      if (category.size() < Listings.MIN_LINKS) continue; // too few guides to list
      indexes++;
      StringBuilder sb = new StringBuilder("<main><h1>Guides</h1><ul>");
      for (JsonNode g : category) {
        sb.append("<li><a href='")
            .append(g.path("Url").asText())
            .append("'>")
            .append(org.jsoup.nodes.Entities.escape(g.path("Title").asText()))
            .append("</a> ")
            .append(org.jsoup.nodes.Entities.escape(g.path("Subject").asText()))
            .append("</li>");
      }
      if (listing(sb.append("</ul></main>").toString())) indexesFound++;
    }
    System.out.printf(
        "listings on MyFixit %s: %d of %d guide pages taken for listings, %d of %d"
            + " category indexes found%n",
        name, guidesTakenForListings, guides, indexesFound, indexes);
    assertThat(guides).isGreaterThan(400);
    assertThat(guidesTakenForListings).isLessThanOrEqualTo(guides / 100);
    assertThat(indexesFound).isGreaterThanOrEqualTo(indexes * 95 / 100);
  }

  /** A guide page as a repair site shows one: title, linked toolbox, numbered steps. */
  static String guidePage(JsonNode g) {
    StringBuilder sb = new StringBuilder("<main><h1>");
    sb.append(org.jsoup.nodes.Entities.escape(g.path("Title").asText())).append("</h1>");
    sb.append("<h2>Tools</h2><ul>");
    for (JsonNode t : g.path("Toolbox")) {
      sb.append("<li><a href='")
          .append(t.path("Url").asText())
          .append("'>")
          .append(org.jsoup.nodes.Entities.escape(t.path("Name").asText()))
          .append("</a></li>");
    }
    sb.append("</ul><ol>");
    for (JsonNode step : g.path("Steps")) {
      sb.append("<li>")
          .append(org.jsoup.nodes.Entities.escape(step.path("Text_raw").asText()))
          .append("</li>");
    }
    return sb.append("</ol></main>").toString();
  }
}
