package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fixfinder.core.json.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a crawl ends for a script: refused seeds are the operator's mistake (exit 2), a crawl whose
 * pages yield nothing exits 4, and either way the summary says what happened to every page.
 */
class CrawlExitCodesIT {
  @TempDir Path dir;

  /** A loopback site serving {@code pages} (path to body); anything else is 404. */
  static HttpServer serve(Map<String, String> pages) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = pages.get(ex.getRequestURI().getPath());
          byte[] bytes = (body == null ? "not here" : body).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders()
              .add(
                  "Content-Type",
                  ex.getRequestURI().getPath().endsWith(".txt") ? "text/plain" : "text/html");
          ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.start();
    return server;
  }

  Path sources(HttpServer server) throws Exception {
    return Files.writeString(
        dir.resolve("sources.yaml"),
        """
        sites:
          - name: tiny
            kind: manual
            seeds: ["http://127.0.0.1:%d/"]
            politenessDelayMs: 0
            allowPrivateNetwork: true
        """
            .formatted(server.getAddress().getPort()));
  }

  @Test
  void aCrawlWhosePagesYieldNothingExits4AndTheSummarySaysWhy() throws Exception {
    StringBuilder home = new StringBuilder("<html><body><main><h1>Index</h1><ul>");
    Map<String, String> pages = new java.util.HashMap<>();
    for (int i = 1; i <= 12; i++) {
      home.append("<li><a href='/p")
          .append(i)
          .append("'>Manual number ")
          .append(i)
          .append("</a></li>");
      pages.put("/p" + i, "<html><body><p>Soon.</p></body></html>");
    }
    pages.put("/", home.append("</ul></main></body></html>").toString());
    HttpServer server = serve(pages);
    try {
      Path data = dir.resolve("data");
      int exit =
          Main.run("crawl", "--sources", sources(server).toString(), "--data", data.toString());
      assertThat(exit).isEqualTo(Main.EXIT_NOTHING_FOUND);
      JsonNode summary = Json.mapper().readTree(data.resolve("crawl/last-run.json").toFile());
      assertThat(summary.path("verdict").asText())
          .startsWith(
              "no page yielded a record: 13 pages read (1 listing, 12 no content, 0 error)");
      JsonNode counters = summary.path("counters");
      assertThat(counters.path("fetched").asLong()).isEqualTo(13);
      assertThat(counters.path("page listing").asLong()).isEqualTo(1);
      assertThat(counters.path("page no content: too little text").asLong()).isEqualTo(12);
      assertThat(counters.path("records").asLong()).isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aCrawlWhoseSeedsAreAllRefusedExits2() throws Exception {
    HttpServer server =
        serve(Map.of("/robots.txt", "User-agent: *\nDisallow: /\n", "/", "<html></html>"));
    try {
      int exit =
          Main.run(
              "crawl",
              "--sources",
              sources(server).toString(),
              "--data",
              dir.resolve("data").toString());
      assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    } finally {
      server.stop(0);
    }
  }
}
