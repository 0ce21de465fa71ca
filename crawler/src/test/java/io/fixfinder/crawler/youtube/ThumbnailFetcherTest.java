package io.fixfinder.crawler.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fixfinder.core.thumbs.ThumbnailStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailFetcherTest {
  @TempDir Path dir;
  HttpServer server;
  URI root;

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'};

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/vi/ok/mqdefault.jpg", x -> reply(x, 200, "image/jpeg", JPEG));
    // A server that says "image" but sends a page: the bytes decide, not the header.
    server.createContext(
        "/vi/html/mqdefault.jpg",
        x -> reply(x, 200, "image/jpeg", "<html><script>alert(1)</script>".getBytes()));
    server.createContext(
        "/vi/moved/mqdefault.jpg",
        x -> {
          x.getResponseHeaders().set("Location", "http://10.0.0.1/secret.jpg");
          reply(x, 302, "text/plain", new byte[0]);
        });
    server.start();
    root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static void reply(
      com.sun.net.httpserver.HttpExchange x, int status, String type, byte[] body)
      throws java.io.IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (var out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void keepsVerifiedImagesAndCountsWhatItRefuses() throws Exception {
    ThumbnailStore store = new ThumbnailStore(dir);
    ThumbnailFetcher fetcher = new ThumbnailFetcher(store, root);
    String key = fetcher.fetch(root.resolve("/vi/ok/mqdefault.jpg")).orElseThrow();
    assertThat(store.get(key).orElseThrow().bytes()).isEqualTo(JPEG);
    assertThat(fetcher.fetch(root.resolve("/vi/html/mqdefault.jpg"))).isEmpty();
    assertThat(fetcher.fetch(root.resolve("/vi/moved/mqdefault.jpg"))).isEmpty();
    assertThat(fetcher.fetch(root.resolve("/vi/none/mqdefault.jpg"))).isEmpty();
    assertThat(fetcher.fetch(URI.create("http://169.254.169.254/latest/meta-data"))).isEmpty();
    assertThat(fetcher.outcomes())
        .containsEntry("stored", 1)
        .containsEntry("not an image type we keep", 1)
        .containsEntry("status 302", 1)
        .containsEntry("status 404", 1)
        .containsEntry("not a thumbnail host", 1);
  }

  @Test
  void onlyYouTubesImageHostsOverHttpsOrTheApiRootsOrigin() {
    ThumbnailFetcher f = new ThumbnailFetcher(new ThumbnailStore(dir), root);
    assertThat(f.allowed(URI.create("https://i.ytimg.com/vi/x/mqdefault.jpg"))).isTrue();
    assertThat(f.allowed(URI.create("http://i.ytimg.com/vi/x/mqdefault.jpg"))).isFalse();
    assertThat(f.allowed(URI.create("https://ytimg.com.evil.example/x.jpg"))).isFalse();
    assertThat(f.allowed(root.resolve("/vi/x/a.jpg"))).isTrue();
    assertThat(f.allowed(URI.create("http://127.0.0.1:1/vi/x/a.jpg"))).isFalse();
  }
}
