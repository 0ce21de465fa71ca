package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.thumbs.ThumbnailStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /thumbs/{hash}} on the real server. */
class ThumbsTest {
  @TempDir static Path dir;
  static ApiFixture api;

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static HttpResponse<byte[]> get(String path, String accept) throws Exception {
    return api.http.send(
        HttpRequest.newBuilder(api.uri(path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aStoredImageIsServedWithItsSniffedTypeAndCachedForAYear() throws Exception {
    var put = (ThumbnailStore.Put.Stored) new ThumbnailStore(dir.resolve("thumbs")).put(PNG);
    HttpResponse<byte[]> r = get("/thumbs/" + put.key(), "image/avif,image/webp,*/*");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(PNG);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(r.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void unknownMalformedOrTamperedHashesAre404() throws Exception {
    HttpResponse<byte[]> image = get("/thumbs/" + "0".repeat(64), "image/*");
    assertThat(image.statusCode()).isEqualTo(404);
    assertThat(image.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    HttpResponse<byte[]> page = get("/thumbs/nothing-here", "text/html,*/*;q=0.8");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(new String(page.body())).contains("We have no image at that address.");
    String key = "2".repeat(64);
    Files.createDirectories(dir.resolve("thumbs"));
    Files.writeString(dir.resolve("thumbs").resolve(key), "<svg onload=alert(1)>");
    assertThat(get("/thumbs/" + key, "*/*").statusCode()).isEqualTo(404);
  }
}
