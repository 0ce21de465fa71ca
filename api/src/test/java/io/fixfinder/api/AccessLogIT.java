package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose access log is a file: one line per request, no query, no forged lines. */
class AccessLogIT {
  @TempDir Path dir;

  @Test
  void eachRequestIsOneLineWithoutItsQueryAndAClientCannotForgeALine() throws Exception {
    Path file = dir.resolve("access.log");
    FixFinderConfig.Server settings = ApiFixture.SETTINGS.withAccessLog(file.toString());
    try (ApiFixture api = new ApiFixture(dir.resolve("api"), settings, routes -> {})) {
      assertThat(api.get("/api/search?q=secret+words").statusCode()).isEqualTo(200);
      // A raw request whose path carries an encoded line break: it stays one line, as sent.
      try (Socket s = new Socket("127.0.0.1", api.server.port())) {
        s.getOutputStream()
            .write(
                ("GET /x%0d%0aGET%20/forged HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        s.getInputStream().readAllBytes();
      }
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.getFirst()).endsWith(" ms").contains("GET /api/search 200 ");
    assertThat(String.join("\n", lines)).doesNotContain("secret");
    assertThat(lines.get(1)).contains(" /x%0d%0aGET%20/forged ").endsWith(" ms");
  }
}
