package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests from the probe of issue #11, sent as raw bytes over a socket to the real server (with
 * hybrid search, so a query reaches the embedder): each is answered with a 4xx problem carrying the
 * security headers, from whichever layer refuses it (Jetty's parser, the servlet layer, Javalin or
 * a handler).
 */
class HostileRequestsTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.withEmbeddings(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static String get(String target, String... headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + String.join("", Stream.of(headers).map(h -> h + "\r\n").toList())
        + "\r\n";
  }

  static String post(String target, String contentLength, String body) {
    return "POST "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n"
        + body;
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("no-break space query", get("/api/search?q=%C2%A0"), 400, "missing-query"),
        Arguments.of(
            "zero-width space query", get("/api/search?q=%E2%80%8B"), 400, "missing-query"),
        Arguments.of("DEL query", get("/api/search?q=%7F"), 400, "missing-query"),
        Arguments.of("NUL query", get("/api/search?q=%00"), 400, "missing-query"),
        Arguments.of(
            "feedback nested 1,001 deep",
            post("/api/feedback", "1001", "[".repeat(1001)),
            400,
            "malformed-json"),
        Arguments.of(
            "feedback body cut short",
            post("/api/feedback", "100", "{\"item\":"),
            400,
            "incomplete-body"),
        Arguments.of(
            "URI too long", get("/api/search?q=" + "a".repeat(20_000)), 414, "uri-too-long"),
        Arguments.of(
            "headers too large",
            get("/api/search?q=drain", "X-Pad: " + "a".repeat(20_000)),
            431,
            "headers-too-large"),
        Arguments.of("bad percent-encoding in path", get("/api/%zz"), 400, "bad-request"),
        Arguments.of("bad percent-encoding in query", get("/api/search?q=%zz"), 400, null),
        Arguments.of(
            "bad percent-encoding after a path parameter",
            get("/api/issues/iss-1;%"),
            400,
            "bad-request"),
        Arguments.of("encoded NUL in path", get("/api/%00"), 400, "bad-request"),
        Arguments.of("raw NUL in path", get("/api/\u0000x"), 400, "bad-request"),
        Arguments.of("ambiguous encoded slash", get("/api/..%2F..%2Fetc/passwd"), 404, "not-found"),
        Arguments.of("ambiguous encoded dots", get("/%2e%2e/etc/passwd"), 400, "bad-request"),
        Arguments.of("ambiguous path parameter", get("/api/..;/search?q=x"), 400, "bad-request"),
        Arguments.of("bad Content-Length", post("/api/feedback", "abc", "{}"), 400, "bad-request"),
        Arguments.of(
            "two Content-Lengths",
            "POST /api/feedback HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n"
                + "\r\n{}",
            400,
            "bad-request"),
        Arguments.of("bad Host", "GET /health HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "bad-request"),
        Arguments.of("no Host", "GET /health HTTP/1.1\r\n\r\n", 400, "bad-request"),
        Arguments.of("unknown HTTP version", "GET /health HTTP/7.1\r\nHost: a\r\n\r\n", 400, null),
        Arguments.of("duplicate q", get("/api/search?q=a&q=b"), 400, "duplicate-parameter"),
        Arguments.of(
            "duplicate page", get("/api/search?q=a&page=1&page=2"), 400, "duplicate-parameter"),
        Arguments.of(
            "duplicate size", get("/api/suggest?q=a&size=1&size=2"), 400, "duplicate-parameter"));
  }

  @ParameterizedTest(name = "{0} -> {2} {3}")
  @MethodSource("requests")
  void answeredWithAProblem(String name, String request, int status, String type) throws Exception {
    RawHttp.Response r = RawHttp.send(api.server.port(), request);
    assertThat(r).as("a response to " + name).isNotNull();
    assertThat(r.status()).as(r.raw() + "\n" + r.bodyText()).isEqualTo(status);
    assertIsProblem(r);
    if (type != null) {
      JsonNode body = Json.mapper().readTree(r.body());
      assertThat(body.get("type").asText()).isEqualTo("https://fixfinder.dev/problems/" + type);
      assertThat(body.get("status").asInt()).isEqualTo(status);
    }
  }

  @Test
  void duplicateParameterIsNamed() throws Exception {
    RawHttp.Response r = RawHttp.send(api.server.port(), get("/api/search?q=a&page=1&page=2"));
    assertThat(Json.mapper().readTree(r.body()).get("detail").asText()).contains("'page'");
  }

  /**
   * A contact capability in a path that Jetty refuses itself (before Javalin) is not echoed in the
   * problem's instance.
   */
  @Test
  void jettyLevelProblemsDoNotEchoCapabilities() throws Exception {
    String secret = "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tX";
    String cap = "0123456789abcdef0123456789abcdef." + secret;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        get("/api/contact/" + cap, "X-Pad: " + "a".repeat(20_000)), "/api/contact/{token}");
    expected.put(get("/contact/" + cap + "/x;%"), "/contact/{token}/x;%");
    for (var e : expected.entrySet()) {
      RawHttp.Response r = RawHttp.send(api.server.port(), e.getKey());
      assertIsProblem(r);
      assertThat(r.bodyText()).doesNotContain(secret);
      assertThat(Json.mapper().readTree(r.body()).get("instance").asText()).isEqualTo(e.getValue());
    }
    RawHttp.Response nul = RawHttp.send(api.server.port(), get("/api/contact/" + cap + "/%00"));
    assertIsProblem(nul);
    assertThat(nul.bodyText()).doesNotContain(secret);
  }

  /** A problem body, no stack trace, and the same security headers as every other response. */
  static void assertIsProblem(RawHttp.Response r) throws Exception {
    assertThat(r.header("content-type")).as(r.raw()).startsWith("application/problem+json");
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("type").asText()).startsWith("https://fixfinder.dev/problems/");
    assertThat(body.get("status").asInt()).isEqualTo(r.status());
    assertThat(r.bodyText()).doesNotContain("Exception").doesNotContain("at org.");
    assertSecurityHeaders(r);
  }

  static void assertSecurityHeaders(RawHttp.Response r) {
    assertThat(r.header("x-content-type-options")).as(r.raw()).isEqualTo("nosniff");
    assertThat(r.header("referrer-policy")).as(r.raw()).isEqualTo("no-referrer");
    assertThat(r.header("x-frame-options")).as(r.raw()).isEqualTo("DENY");
    assertThat(r.header("content-security-policy")).as(r.raw()).contains("default-src 'self'");
  }
}
