package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's fixes on the demo, crawled, indexed and served as {@code fixfinder demo} does: the E18
 * issue's fixes quote the manual's troubleshooting row and the accepted answers, and link to the
 * row's anchor, the answer's text and a video chapter's moment.
 */
class DemoIssueFixesIT {
  static ServedDemo demo;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void serve() throws Exception {
    demo = ServedDemo.get();
  }

  static HttpResponse<String> fetch(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = fetch("http://127.0.0.1:" + demo.port() + pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void theE18IssueQuotesTheManualRowAndTheAcceptedAnswerWithLinksToTheExactPlace()
      throws Exception {
    JsonNode search = get("/api/search?q=wont+drain+WM-8420X+E18&size=10");
    String id = null;
    for (JsonNode g : search.path("issues")) {
      if (g.path("issue").path("errorCodes").toString().contains("E18")) {
        id = g.path("issue").path("id").asText();
        break;
      }
    }
    assertThat(id).as("an E18 issue among the groups").isNotNull();
    JsonNode page = get("/api/issues/" + id);
    Map<String, JsonNode> records = new HashMap<>();
    for (JsonNode kind : page.path("records"))
      for (JsonNode r : kind.path("shown")) records.put(r.path("id").asText(), r);

    JsonNode fixes = page.path("fixes");
    assertThat(fixes.isArray() && fixes.size() > 0).as("fixes: " + fixes).isTrue();
    JsonNode first = fixes.path(0);
    JsonNode row = null, answer = null, video = null;
    for (JsonNode s : first.path("sources")) {
      switch (s.path("form").asText()) {
        case "troubleshooting-row" -> row = row == null ? s : row;
        case "accepted-answer" -> answer = answer == null ? s : answer;
        case "video" -> video = video == null ? s : video;
        default -> {}
      }
    }
    assertThat(row).as("the best fix cites a manual row: " + first).isNotNull();
    assertThat(answer).as("the best fix cites an accepted answer: " + first).isNotNull();

    // the manual row: its own remedy, the row's record and its anchor
    JsonNode rowRecord = records.get(row.path("docId").asText());
    assertThat(rowRecord).as("the cited row is a record of the issue").isNotNull();
    JsonNode rowDetails = rowRecord.path("details");
    assertThat(rowDetails.path("problem").asText()).contains("E18");
    assertThat(row.path("url").asText()).isEqualTo(rowRecord.path("url").asText()).contains("#");
    assertThat(row.path("text").asText()).isEqualTo(rowDetails.path("remedy").asText());
    assertThat(first.path("text").asText()).isEqualTo(rowDetails.path("remedy").asText());
    assertThat(first.path("cause").asText()).isEqualTo(rowDetails.path("cause").asText());
    String rowPage = row.path("url").asText().replaceAll("#.*", "");
    assertThat(fetch(rowPage).statusCode()).as(rowPage).isEqualTo(200);

    // the accepted answer: the thread's URL with a text fragment of the answer's own words
    JsonNode thread = records.get(answer.path("docId").asText());
    assertThat(thread).isNotNull();
    String url = answer.path("url").asText();
    assertThat(url).startsWith(thread.path("url").asText() + "#:~:text=");
    String fragment =
        URLDecoder.decode(url.substring(url.indexOf(":~:text=") + 8), StandardCharsets.UTF_8);
    String accepted = thread.path("details").path("acceptedAnswer").asText();
    assertThat(accepted.replaceAll("\\s+", " ")).contains(fragment);
    assertThat(answer.path("votes").asInt())
        .isEqualTo(thread.path("details").path("acceptedVotes").asInt());
    assertThat(accepted).contains(answer.path("text").asText().replaceAll("\u2026$", ""));

    // the video moment is one of the video's chapters
    if (video != null) {
      assertThat(video.path("seconds").asInt()).isPositive();
      assertThat(video.path("url").asText()).contains("t=" + video.path("seconds").asInt() + "s");
    }
    assertThat(first.path("support").path("summary").asText())
        .contains("accepted answer with ")
        .containsPattern("manual( p\\. \\d+)?");
    // best first
    for (int i = 1; i < fixes.size(); i++) {
      assertThat(fixes.path(i - 1).path("support").path("score").asDouble())
          .isGreaterThanOrEqualTo(fixes.path(i).path("support").path("score").asDouble());
    }
    // an answer that replaces the pump is another fix than cleaning its filter
    for (JsonNode s : first.path("sources")) {
      JsonNode r = records.get(s.path("docId").asText());
      if (r != null && s.path("form").asText().endsWith("answer"))
        assertThat(r.path("details").path("acceptedAnswer").asText())
            .as("a source of the filter fix")
            .doesNotContain("pump needs replacing");
    }
    // no fix of the issue quotes a row of another fault ("Display shows nothing")
    for (JsonNode fix : fixes)
      for (JsonNode s : fix.path("sources"))
        if (s.path("form").asText().equals("troubleshooting-row"))
          assertThat(records.get(s.path("docId").asText()).path("details").path("problem").asText())
              .containsPattern("(?i)E18|drain");
  }
}
