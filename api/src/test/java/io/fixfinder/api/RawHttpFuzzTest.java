package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Any bytes in the request line, headers and body, sent raw to the real server (hybrid search, so
 * queries reach the embedder), never give a 5xx, and every answer that is not a 2xx is an {@code
 * application/problem+json} with the security headers, whichever layer gave it.
 *
 * <p>The seed is fixed so CI runs the same requests every time; the number of tries comes from
 * {@code jqwik.tries.default} (400 in {@code junit-platform.properties}). A longer run:
 *
 * <pre>
 * ./mvnw -B -pl api -am test -Dtest=RawHttpFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djqwik.tries.default=20000
 * </pre>
 *
 * A failure prints the request (shrunk) and the seed, and is replayed first on the next run.
 */
class RawHttpFuzzTest {
  static final String SEED = "20261203";

  private static Path dir;
  private static ApiFixture api;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("fuzz");
    // A limit no run reaches: a 429 for every request past the burst would test nothing else.
    api =
        ApiFixture.withEmbeddings(
            dir,
            new FixFinderConfig.Server(
                "127.0.0.1", 0, List.of(), 1_000_000, 1_000_000, List.of(), 10, 0, 16, 64, "off"));
  }

  @AfterContainer
  static void stop() throws Exception {
    api.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One request as sent: every part free bytes, framed as HTTP/1.1 or not. */
  record RawRequest(
      String method, byte[] target, List<Header> headers, byte[] body, String lengthMode) {
    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
      out.write(' ');
      out.writeBytes(target);
      out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      for (Header h : headers) {
        out.writeBytes(h.name());
        out.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(h.value());
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      String length =
          switch (lengthMode) {
            case "exact" -> Integer.toString(body.length);
            case "short" -> Integer.toString(Math.max(0, body.length - 1));
            case "long" -> Integer.toString(body.length + 10);
            case "garbage" -> "12x";
            default -> null;
          };
      if (length != null) {
        out.writeBytes(
            ("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      return out.toByteArray();
    }

    @Override
    public String toString() {
      return escape(bytes());
    }
  }

  record Header(byte[] name, byte[] value) {}

  @Property(seed = SEED)
  void noRequestGetsA5xxOrANonProblemError(@ForAll("requests") RawRequest request)
      throws Exception {
    RawHttp.Response r = RawHttp.send(api.server.port(), request.bytes());
    assertThat(r).as("an HTTP response to %s", request).isNotNull();
    Statistics.label("status").collect(r.status());
    assertThat(r.status()).as("status for %s: %s", request, r.raw()).isLessThan(500);
    HostileRequestsTest.assertSecurityHeaders(r);
    String contentType = r.header("content-type") == null ? "" : r.header("content-type");
    if (contentType.startsWith("text/html") && r.status() >= 400) {
      // A page's own error (a bad search, an unknown issue): a page for people, never a stack
      // trace, with the status a problem would carry.
      assertThat(r.status()).as(r.raw()).isIn(400, 403, 404, 422, 429);
      if (!request.method().equals("HEAD")) {
        assertThat(r.bodyText())
            .as(r.raw())
            .startsWith("<!doctype html>")
            .doesNotContain("Exception");
      }
      Statistics.label("problem type").collect("html page " + r.status());
    } else if (r.status() >= 300 && r.status() != 303 && r.status() != 304) {
      if (request.method().equals("HEAD")) {
        // A HEAD answer has the headers of the GET one and no body.
        assertThat(r.header("content-type")).as(r.raw()).startsWith("application/problem+json");
      } else {
        HostileRequestsTest.assertIsProblem(r);
        String type = io.fixfinder.core.json.Json.mapper().readTree(r.body()).get("type").asText();
        Statistics.label("problem type").collect(type.substring(type.lastIndexOf('/') + 1));
      }
    }
  }

  @Provide
  Arbitrary<RawRequest> requests() {
    return Combinators.combine(method(), target(), headers(), body(), lengthMode())
        .as(RawRequest::new);
  }

  static Arbitrary<String> method() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("GET")),
        net.jqwik.api.Tuple.of(3, Arbitraries.of("POST")),
        net.jqwik.api.Tuple.of(
            2, Arbitraries.of("HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT")),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(0).ofMaxLength(12)));
  }

  static Arbitrary<byte[]> target() {
    Arbitrary<String> path =
        Arbitraries.of(
            "/api/search",
            "/api/suggest",
            "/api/feedback",
            "/api/issues/iss-1",
            "/api/products/aqualine-wm8420x",
            "/health",
            "/docs",
            "/metrics",
            "/openapi.yaml",
            "/",
            "/index.html",
            "/issue/iss-1",
            "/product/aqualine-wm8420x",
            "/api/");
    // Well-formed HTTP with hostile content: any bytes, percent-encoded, in the parameters.
    Arbitrary<byte[]> encoded =
        Combinators.combine(path, query())
            .as((p, q) -> (p + (q.isEmpty() ? "" : "?" + q)).getBytes(StandardCharsets.US_ASCII));
    Arbitrary<byte[]> raw =
        Combinators.combine(path, Arbitraries.of("", "?"), uriBytes(0, 60), uriBytes(0, 200))
            .as(
                (p, q, suffix, query) ->
                    concat(p.getBytes(StandardCharsets.UTF_8), suffix, q, query));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(14, encoded),
        net.jqwik.api.Tuple.of(3, raw),
        net.jqwik.api.Tuple.of(1, bytes(0, 300)),
        net.jqwik.api.Tuple.of(1, uriBytes(9_000, 12_000)));
  }

  /** Parameters the endpoints take (and some they do not), each value any bytes, encoded. */
  static Arbitrary<String> query() {
    Arbitrary<String> name =
        Arbitraries.of(
            "q", "q", "q", "page", "size", "kind", "brand", "type", "product", "related", "issues",
            "x", "q[]", "");
    Arbitrary<String> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                3,
                Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .withChars(' ', '-', '#')
                    .ofMaxLength(30)
                    .map(RawHttpFuzzTest::percentEncode)),
            net.jqwik.api.Tuple.of(3, bytes(0, 40).map(RawHttpFuzzTest::percentEncode)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.strings().ofMaxLength(20).map(RawHttpFuzzTest::percentEncode)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    "0",
                    "1",
                    "-1",
                    "50",
                    "51",
                    "100",
                    "101",
                    "2147483648",
                    "1e3",
                    "%C2%A0",
                    "%E2%80%8B",
                    "%7F",
                    "%00",
                    "%zz",
                    "%",
                    "+")),
            net.jqwik.api.Tuple.of(1, bytes(400, 700).map(RawHttpFuzzTest::percentEncode)));
    return Combinators.combine(name, value)
        .as((n, v) -> n + "=" + v)
        .list()
        .ofMaxSize(4)
        .map(l -> String.join("&", l));
  }

  static String percentEncode(String s) {
    return percentEncode(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Letters and digits as they are, every other byte as %XX. */
  static String percentEncode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** Bytes a URI is made of, with the ones that break parsers over-represented. */
  static Arbitrary<byte[]> uriBytes(int min, int max) {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
            Arbitraries.of(
                "q=",
                "&q=",
                "page=",
                "&size=",
                "kind=",
                "&",
                "=",
                "%",
                "%zz",
                "%00",
                "%2F",
                "%2e",
                "%2e%2e",
                "..",
                "/",
                ";",
                "%C2%A0",
                "%E2%80%8B",
                "%7F",
                "%FF",
                "%C0%AE",
                "+",
                "#",
                "\\",
                "//",
                "\u00e9",
                "\u4e2d",
                "%F0%9F%98%80",
                "\u0000",
                "\t",
                " ",
                "\r",
                "\n"),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(4));
    return piece
        .list()
        .ofMinSize(0)
        .ofMaxSize(Math.max(1, max / 2))
        .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8))
        .filter(b -> b.length >= min)
        .map(b -> b.length > max ? java.util.Arrays.copyOf(b, max) : b)
        .withoutEdgeCases();
  }

  static Arbitrary<byte[]> bytes(int min, int max) {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
  }

  static Arbitrary<List<Header>> headers() {
    Arbitrary<byte[]> name =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                8,
                Arbitraries.of(
                        "Host",
                        "X-Api-Key",
                        "X-Forwarded-For",
                        "Content-Type",
                        "Transfer-Encoding",
                        "Origin",
                        "If-None-Match",
                        "Expect",
                        "Accept",
                        "Accept-Encoding",
                        "Connection",
                        "Content-Length",
                        "Cookie",
                        "Range")
                    .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))),
            net.jqwik.api.Tuple.of(1, bytes(0, 20)));
    Arbitrary<byte[]> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                6,
                Arbitraries.of(
                        "127.0.0.1",
                        "application/json",
                        "chunked",
                        "gzip, chunked",
                        "100-continue",
                        "https://help.example.com",
                        "close",
                        "*/*",
                        "text/html",
                        "bytes=0-1",
                        "-1",
                        "99999999999999999999",
                        "a b")
                    .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))),
            net.jqwik.api.Tuple.of(
                4,
                Arbitraries.strings()
                    .withCharRange('!', '~')
                    .withChars(' ')
                    .ofMaxLength(60)
                    .map(v -> v.getBytes(StandardCharsets.US_ASCII))),
            net.jqwik.api.Tuple.of(1, bytes(0, 60)),
            net.jqwik.api.Tuple.of(1, bytes(9_000, 10_000)));
    Arbitrary<Header> hostile = Combinators.combine(name, value).as(Header::new);
    // Headers any browser sends, with printable values: the request reaches the handlers.
    Arbitrary<Header> ordinary =
        Combinators.combine(
                Arbitraries.of(
                    "X-Forwarded-For",
                    "Content-Type",
                    "Origin",
                    "If-None-Match",
                    "Accept",
                    "Accept-Language",
                    "Cookie",
                    "User-Agent",
                    "Referer"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40))
            .as(
                (n, v) ->
                    new Header(
                        n.getBytes(StandardCharsets.US_ASCII),
                        v.strip().getBytes(StandardCharsets.US_ASCII)));
    Arbitrary<List<Header>> others =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, ordinary.list().ofMaxSize(3)),
            net.jqwik.api.Tuple.of(1, hostile.list().ofMinSize(1).ofMaxSize(4)));
    // Usually a valid Host first, as any client sends; sometimes none or a bad one.
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            9,
            others.map(
                l -> {
                  List<Header> all = new java.util.ArrayList<>();
                  all.add(
                      new Header(
                          "Host".getBytes(StandardCharsets.ISO_8859_1),
                          "127.0.0.1".getBytes(StandardCharsets.ISO_8859_1)));
                  all.addAll(l);
                  return all;
                })),
        net.jqwik.api.Tuple.of(1, others));
  }

  static Arbitrary<byte[]> body() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(new byte[0])),
        net.jqwik.api.Tuple.of(
            3,
            Arbitraries.of(
                    "{\"item\":\"issue:iss-1\",\"answer\":\"yes\"}",
                    "{\"item\":\"doc:x\",\"answer\":\"no\"}",
                    "[".repeat(1001),
                    "{\"item\":",
                    "{\"item\":\"issue:a\",\"answer\":\"yes\",\"item\":\"issue:b\"}",
                    "0\r\n\r\n",
                    "5\r\nab")
                .map(s -> s.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(3, bytes(0, 1500)));
  }

  static Arbitrary<String> lengthMode() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just("exact")),
        net.jqwik.api.Tuple.of(2, Arbitraries.just("none")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("short", "long", "garbage")));
  }

  static byte[] concat(byte[] path, byte[] suffix, String q, byte[] query) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(path);
    out.writeBytes(suffix);
    out.writeBytes(q.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(query);
    return out.toByteArray();
  }

  /** The request as Java string text: printable ASCII as is, the rest as \\xNN. */
  static String escape(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '\\') s.append((char) c);
      else s.append(String.format("\\x%02x", c));
      if (s.length() > 2000)
        return s.append("…(").append(bytes.length).append(" bytes)").toString();
    }
    return s.toString();
  }
}
