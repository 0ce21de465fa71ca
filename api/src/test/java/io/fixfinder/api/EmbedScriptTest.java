package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /embed.js} as another site's page loads it: a script any origin may fetch, cached and
 * revalidated, small, and written so that it can neither keep state about the visitor nor run the
 * API's text as markup.
 */
class EmbedScriptTest {
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

  @Test
  void servedAsACacheableScriptAnyOriginMayLoad() throws Exception {
    HttpResponse<String> r = api.get("/embed.js");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).hasValue("cross-origin");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.uri("/embed.js")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void weighsUnderTwentyKilobytesGzipped() throws Exception {
    byte[] body = api.get("/embed.js").body().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(body);
    }
    assertThat(gz.size()).isLessThan(20 * 1024);
  }

  @Test
  void keepsNoVisitorStateAndInsertsTextOnly() throws Exception {
    String js = api.get("/embed.js").body();
    assertThat(js)
        .contains("credentials: 'omit'")
        .contains("X-Api-Key")
        .doesNotContain("document.cookie")
        .doesNotContain("localStorage")
        .doesNotContain("sessionStorage")
        .doesNotContain("innerHTML")
        .doesNotContain("outerHTML")
        .doesNotContain("insertAdjacentHTML")
        .doesNotContain("document.write")
        .doesNotContain("eval(")
        .doesNotContain("new Function");
  }
}
