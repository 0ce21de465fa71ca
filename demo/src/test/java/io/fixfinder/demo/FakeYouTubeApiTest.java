package io.fixfinder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeYouTubeApiTest {
  static final String E18_VIDEO = "Zq7dR2xK9fA";

  @TempDir static Path dir;
  static FakeYouTubeApi api;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    api = FakeYouTubeApi.start(DemoCorpus.writeTo(dir).youtubeVideos());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  record Reply(int status, JsonNode json) {}

  static Reply call(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(api.rootUrl().resolve(pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return new Reply(r.statusCode(), JsonLd.MAPPER.readTree(r.body()));
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void rootUrlIsWhereTheClientAppendsTheApiPath() {
    assertThat(api.rootUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
  }

  @Test
  void searchFindsTheVideoOfAFault() throws Exception {
    int before = api.searchCalls();
    Reply r =
        call(
            "youtube/v3/search?part=snippet&type=video&maxResults=5&key=k&q="
                + q("Aqualine WM-8420X E18 Drain pump blocked fix"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.path("kind").asText()).isEqualTo("youtube#searchListResponse");
    assertThat(json.path("etag").asText()).isNotBlank();
    assertThat(json.path("regionCode").asText()).isNotBlank();
    assertThat(json.path("pageInfo").path("resultsPerPage").asInt()).isEqualTo(5);
    assertThat(json.path("pageInfo").path("totalResults").asInt()).isPositive();
    JsonNode first = json.path("items").get(0);
    assertThat(first.path("kind").asText()).isEqualTo("youtube#searchResult");
    assertThat(first.path("id").path("kind").asText()).isEqualTo("youtube#video");
    assertThat(first.path("id").path("videoId").asText()).isEqualTo(E18_VIDEO);
    JsonNode snippet = first.path("snippet");
    assertThat(snippet.path("title").asText()).contains("E18");
    assertThat(snippet.path("channelTitle").asText()).isEqualTo("Fix It Dad");
    assertThat(snippet.path("channelId").asText()).startsWith("UC");
    assertThat(snippet.path("publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(snippet.path("description").asText().length()).isLessThanOrEqualTo(161);
    assertThat(snippet.path("thumbnails").path("default").path("url").asText()).contains(E18_VIDEO);
    assertThat(api.searchCalls()).isEqualTo(before + 1);
  }

  @Test
  void searchIgnoresFillerWordsAndSpellings() throws Exception {
    JsonNode json =
        call("youtube/v3/search?part=snippet&key=k&q=" + q("how to fix wm8420x won't drain"))
            .json();
    List<String> ids = new ArrayList<>();
    json.path("items").forEach(i -> ids.add(i.path("id").path("videoId").asText()));
    assertThat(ids).contains(E18_VIDEO);
  }

  @Test
  void searchPagesWithTokens() throws Exception {
    JsonNode page1 =
        call("youtube/v3/search?part=snippet&key=k&maxResults=2&q=" + q("washing machine")).json();
    assertThat(page1.path("items").size()).isEqualTo(2);
    String token = page1.path("nextPageToken").asText();
    assertThat(token).isNotEmpty();
    JsonNode page2 =
        call("youtube/v3/search?part=snippet&key=k&maxResults=2&pageToken="
                + token
                + "&q="
                + q("washing machine"))
            .json();
    assertThat(page2.path("prevPageToken").asText()).isNotEmpty();
    assertThat(page2.path("items").get(0).path("id").path("videoId").asText())
        .isNotEqualTo(page1.path("items").get(0).path("id").path("videoId").asText());
    assertThat(
            call("youtube/v3/search?part=snippet&key=k&maxResults=500&q=" + q("washing machine"))
                .json()
                .path("items")
                .size())
        .isLessThanOrEqualTo(50);
  }

  @Test
  void videosReturnsFullResources() throws Exception {
    int before = api.videosCalls();
    Reply r =
        call(
            "youtube/v3/videos?part=snippet,contentDetails,statistics&key=k&id="
                + E18_VIDEO
                + ",unknown00000");
    assertThat(r.status()).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.path("kind").asText()).isEqualTo("youtube#videoListResponse");
    assertThat(json.path("items").size()).isEqualTo(1);
    JsonNode v = json.path("items").get(0);
    assertThat(v.path("kind").asText()).isEqualTo("youtube#video");
    assertThat(v.path("id").asText()).isEqualTo(E18_VIDEO);
    assertThat(v.path("snippet").path("description").asText())
        .contains("0:00 Intro", "0:45 Remove the kickplate");
    assertThat(v.path("snippet").path("tags").toString()).contains("e18");
    assertThat(v.path("contentDetails").path("duration").asText()).isEqualTo("PT8M31S");
    assertThat(v.path("statistics").path("viewCount").isTextual()).isTrue();
    assertThat(v.path("statistics").path("viewCount").asText()).isEqualTo("184203");
    assertThat(v.path("statistics").path("likeCount").asText()).isEqualTo("3120");
    assertThat(v.path("statistics").path("commentCount").asText()).isEqualTo("412");
    assertThat(api.videosCalls()).isEqualTo(before + 1);

    JsonNode onlySnippet =
        call("youtube/v3/videos?part=snippet&key=k&id=" + E18_VIDEO).json().path("items").get(0);
    assertThat(onlySnippet.has("snippet")).isTrue();
    assertThat(onlySnippet.has("statistics")).isFalse();
  }

  @Test
  void aMissingKeyIs403InTheApiErrorShape() throws Exception {
    Reply r = call("youtube/v3/search?part=snippet&q=test");
    assertThat(r.status()).isEqualTo(403);
    JsonNode error = r.json().path("error");
    assertThat(error.path("code").asInt()).isEqualTo(403);
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(error.path("errors").get(0).path("reason").asText()).isEqualTo("forbidden");
  }

  @Test
  void anUnknownPathIs404InTheApiErrorShape() throws Exception {
    Reply r = call("youtube/v3/channels?part=snippet&key=k");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("error").path("code").asInt()).isEqualTo(404);
    assertThat(r.json().path("error").path("errors").get(0).path("reason").asText())
        .isEqualTo("notFound");
  }
}
