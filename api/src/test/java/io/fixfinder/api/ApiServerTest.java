package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a random port, over HTTP, on a small on-disk index and a SQLite file. */
class ApiServerTest {
  @TempDir static Path dir;
  static ApiFixture fixture;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    fixture = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return fixture.get(pathAndQuery);
  }

  @Test
  void searchReturnsHitsAndTheInterpretation() throws Exception {
    HttpResponse<String> r = get("/api/search?q=wm8420x+wont+drain");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.at("/interpretation/product/model").asText()).isEqualTo("WM-8420X");
    assertThat(body.at("/interpretation/symptoms/0").asText()).isEqualTo("wont-drain");
    assertThat(body.at("/total").asInt()).isEqualTo(1);
    assertThat(body.get("helpers").isArray()).isTrue();
    JsonNode hit = body.at("/hits/0");
    assertThat(hit.get("url").asText()).isEqualTo("http://f/1");
    assertThat(hit.get("kind").asText()).isEqualTo("forum");
    assertThat(hit.at("/product/brand").asText()).isEqualTo("Aqualine");
    assertThat(hit.at("/details/form").asText()).isEqualTo("thread");
    assertThat(hit.at("/details/acceptedVotes").asInt()).isEqualTo(9);
    assertThat(hit.get("snippet").asText()).contains("Cleaned the pump filter");
  }

  @Test
  void securityHeadersOnEveryResponse() throws Exception {
    HttpResponse<String> r = get("/api/search?q=drain");
    assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
  }

  @Test
  void suggestCompletesAndCorrects() throws Exception {
    HttpResponse<String> r = get("/api/suggest?q=whasing+machine");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("didYouMean").asText()).isEqualTo("washing machine");
    JsonNode models =
        Json.mapper().readTree(get("/api/suggest?q=aqualine+wm").body()).get("completions");
    assertThat(models.get(0).get("text").asText()).isEqualTo("Aqualine WM-8420X");
    assertProblem(get("/api/suggest?q=x&bogus=1"), 400, "unknown-parameter");
  }

  @Test
  void corsOnlyForConfiguredOrigins() throws Exception {
    HttpResponse<String> allowed =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.server.port() + "/api/search?q=drain"))
                .header("Origin", "https://help.example.com")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://help.example.com");
    HttpResponse<String> other =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.server.port() + "/api/search?q=drain"))
                .header("Origin", "https://evil.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void etagsLetClientsRevalidate() throws Exception {
    HttpResponse<String> first = get("/api/search?q=drain");
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> second =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.server.port() + "/api/search?q=drain"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(second.statusCode()).isEqualTo(304);
  }

  /**
   * Random queries and parameters never produce a 5xx; the seed is printed so a failure replays.
   */
  @Test
  void randomInputNeverGivesA5xx() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println(
        "randomInputNeverGivesA5xx seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    java.util.Random random = new java.util.Random(seed);
    String[] params = {"q", "page", "size", "kind", "brand", "type", "product", "x", "q[]", ""};
    String alphabet =
        "aZ09 -_\"'<>&%#+*?()[]{}:;/\\|~^$!@,.=\u00e9\u00fc\u4e2d\u200b\ud83d\ude00\u0000\t\n";
    for (int i = 0; i < 250; i++) {
      StringBuilder query = new StringBuilder();
      int n = random.nextInt(4);
      for (int p = 0; p < n; p++) {
        if (p > 0) query.append('&');
        String name = params[random.nextInt(params.length)];
        StringBuilder value = new StringBuilder();
        int len = random.nextInt(random.nextInt(10) == 0 ? 700 : 20);
        for (int c = 0; c < len; c++)
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        query
            .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(
                java.net.URLEncoder.encode(
                    value.toString(), java.nio.charset.StandardCharsets.UTF_8));
      }
      for (String path : new String[] {"/api/search", "/api/suggest"}) {
        HttpResponse<String> r = get(path + "?" + query);
        assertThat(r.statusCode()).as(path + "?" + query + " (seed " + seed + ")").isLessThan(500);
        if (r.statusCode() >= 400) {
          assertThat(r.headers().firstValue("content-type"))
              .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }
      }
    }
  }

  @Test
  void metricsArePrometheusText() throws Exception {
    get("/api/search?q=drain");
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body())
        .contains("fixfinder_index_documents 1.0")
        .containsPattern(
            "fixfinder_http_requests_seconds_count\\{[^}]*route=\"/api/search\"[^}]*status=\"200\"");
  }

  @Test
  void healthReportsTheIndexAndTheDatabase() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.at("/index/documents").asInt()).isEqualTo(1);
    assertThat(body.at("/index/bytes").asLong()).isPositive();
    assertThat(body.at("/database/ok").asBoolean()).isTrue();
    assertThat(body.at("/database/kind").asText()).isEqualTo("sqlite");
  }

  static void assertProblem(HttpResponse<String> r, int status, String type) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("type").asText()).isEqualTo("https://fixfinder.dev/problems/" + type);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
  }
}
