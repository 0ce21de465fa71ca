package io.fixfinder.api;

import static io.fixfinder.api.ApiServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every documented error of every endpoint (openapi.yaml, /docs): status, problem content type and
 * the stable type, over real HTTP.
 */
class ErrorCasesTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @ParameterizedTest(name = "GET {0} -> {1} {2}")
  @CsvSource({
    "/api/search, 400, missing-query",
    "/api/search?q=, 400, missing-query",
    "/api/search?q=drain&page=0, 400, invalid-parameter",
    "/api/search?q=drain&page=51, 400, invalid-parameter",
    "/api/search?q=drain&page=abc, 400, invalid-parameter",
    "/api/search?q=drain&size=101, 400, invalid-parameter",
    "/api/search?q=drain&size=1000, 400, invalid-parameter",
    "/api/search?q=drain&color=red, 400, unknown-parameter",
    "/api/suggest?q=x&bogus=1, 400, unknown-parameter",
    "/api/suggest?q=x&size=21, 400, invalid-parameter",
    "/api/nothing-here, 404, not-found",
    "/api/feedback, 405, method-not-allowed",
  })
  void getErrors(String path, int status, String type) throws Exception {
    assertProblem(api.get(path), status, type);
  }

  @Test
  void queryTooLong() throws Exception {
    assertProblem(api.get("/api/search?q=" + "a".repeat(501)), 400, "query-too-long");
    assertProblem(api.get("/api/suggest?q=" + "a".repeat(201)), 400, "query-too-long");
  }

  @Test
  void keywordTooLong() throws Exception {
    assertProblem(api.get("/api/search?q=drain&brand=" + "b".repeat(81)), 400, "invalid-parameter");
  }

  @Test
  void methodNotAllowedOnSearch() throws Exception {
    assertProblem(api.postJson("/api/search?q=drain", "{}"), 405, "method-not-allowed");
  }

  @ParameterizedTest(name = "POST /api/feedback {0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``| 400 | malformed-json",
        "{| 400 | malformed-json",
        "{\"item\": \"doc:x\", \"answer\": \"yes\"} trailing| 400 | malformed-json",
        "{\"item\": \"doc:x\", \"item\": \"doc:y\", \"answer\": \"yes\"}| 400 | malformed-json",
        "[\"doc:x\", \"yes\"]| 400 | invalid-body",
        "\"yes\"| 400 | invalid-body",
        "{\"item\": \"doc:x\", \"answer\": \"yes\", \"user\": \"me\"}| 400 | unknown-field",
        "{\"answer\": \"yes\"}| 400 | missing-field",
        "{\"item\": \"doc:x\", \"answer\": null}| 400 | missing-field",
        "{\"item\": 42, \"answer\": \"yes\"}| 400 | invalid-field",
        "{\"item\": \"doc:x\", \"answer\": true}| 400 | invalid-field",
        "{\"item\": \"video:x\", \"answer\": \"yes\"}| 400 | unknown-item-kind",
        "{\"item\": \"x\", \"answer\": \"yes\"}| 400 | unknown-item-kind",
        "{\"item\": \"doc:\", \"answer\": \"yes\"}| 400 | invalid-item-id",
        "{\"item\": \"doc:../etc/passwd\", \"answer\": \"yes\"}| 400 | invalid-item-id",
        "{\"item\": \"issue:a b\", \"answer\": \"yes\"}| 400 | invalid-item-id",
        "{\"item\": \"doc:x\", \"answer\": \"maybe\"}| 400 | invalid-answer",
        "{\"item\": \"doc:x\", \"answer\": \"YES\"}| 400 | invalid-answer",
        "{\"item\": \"doc:0000000000000000000000000000dead\", \"answer\": \"yes\"}| 422 | unknown-item",
      })
  void feedbackBodyErrors(String body, int status, String type) throws Exception {
    assertProblem(api.postJson("/api/feedback", body), status, type);
  }

  @Test
  void oversizedBody() throws Exception {
    String big =
        "{\"item\": \"doc:x\", \"answer\": \"yes\", \"pad\": \"" + "x".repeat(2000) + "\"}";
    assertProblem(api.postJson("/api/feedback", big), 413, "body-too-large");
  }

  @Test
  void oversizedChunkedBody() throws Exception {
    // No Content-Length: the limit holds while reading, too.
    HttpResponse<String> r =
        api.http.send(
            HttpRequest.newBuilder(api.uri("/api/feedback"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5000])))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 413, "body-too-large");
  }

  @ParameterizedTest(name = "Content-Type {0} -> 415")
  @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/jsonx"})
  void wrongContentType(String contentType) throws Exception {
    assertProblem(
        api.post("/api/feedback", contentType, "{\"item\":\"doc:x\",\"answer\":\"yes\"}", null),
        415,
        "unsupported-media-type");
  }

  @Test
  void missingContentType() throws Exception {
    assertProblem(
        api.post("/api/feedback", null, "{\"item\":\"doc:x\",\"answer\":\"yes\"}", null),
        415,
        "unsupported-media-type");
  }

  @Test
  void jsonWithACharsetIsAccepted() throws Exception {
    HttpResponse<String> r =
        api.post(
            "/api/feedback",
            "application/json; charset=utf-8",
            "{\"item\":\"issue:iss-1\",\"answer\":\"no\"}",
            null);
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimitedWithRetryAfter(@TempDir Path own) throws Exception {
    FixFinderConfig.Server strict =
        new FixFinderConfig.Server(
            "127.0.0.1", 0, List.of(), 1, 2, List.of(), 10, 0, 16, 64, "off");
    try (ApiFixture limited = new ApiFixture(own, strict, routes -> {})) {
      assertThat(limited.get("/api/suggest?q=wash").statusCode()).isEqualTo(200);
      assertThat(limited.get("/api/suggest?q=wash").statusCode()).isEqualTo(200);
      HttpResponse<String> r = limited.get("/api/suggest?q=wash");
      assertProblem(r, 429, "rate-limited");
      long retryAfter = Long.parseLong(r.headers().firstValue("retry-after").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      // Feedback is limited by the same bucket.
      assertProblem(
          limited.postJson("/api/feedback", "{\"item\":\"issue:i\",\"answer\":\"yes\"}"),
          429,
          "rate-limited");
      // A made-up API key is not another client with a fresh bucket: the address's empty bucket
      // refuses it before the key is even looked up (issue 16: a key never widens the limit).
      assertProblem(
          limited.post(
              "/api/feedback",
              "application/json",
              "{\"item\":\"issue:i\",\"answer\":\"yes\"}",
              "company-b"),
          429,
          "rate-limited");
    }
  }
}
