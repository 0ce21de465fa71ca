package io.fixfinder.crawler.fetch.crawler4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.crawler.filter.AddressPolicy;
import io.fixfinder.crawler.parse.Keying;
import io.fixfinder.crawler.parse.PageProcessor;
import io.fixfinder.crawler.run.CrawlCounters;
import io.fixfinder.crawler.source.SiteConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web's junk, served from loopback: each hostile page is skipped with a reason, the good page
 * beside it is still extracted, the crawl finishes, and memory stays bounded.
 */
class HostileSitesTest {
  @TempDir Path dir;

  static final FixFinderConfig.Crawl BASE = ConfigLoader.load(Optional.empty(), Map.of()).crawl();

  /** Short timeouts and a 2 MB content cap so the hostile cases finish quickly. */
  static final FixFinderConfig.Crawl LIMITS =
      new FixFinderConfig.Crawl(
          BASE.userAgent(), 2, 0, 10, 200, 6, 2000, 2000, 2 * 1024 * 1024, 5, 5);

  static void send(
      HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void everyHostilePageIsSkippedAndTheCrawlFinishes() throws Exception {
    try (TestSite site = new TestSite()) {
      site.page(
          "/",
          "<html><body><p>index</p>"
              + "<a href=/good>good</a> <a href=/malformed>m</a> <a href=/binary>b</a> <a href=/huge>h</a> "
              + "<a href=/loop1>l</a> <a href=/chain0>ch</a> <a href=/trickle>t</a> <a href=/error>e</a> <a href=/badutf8>u</a> "
              + "<a href=/bomb>g</a> <a href=/calendar?m=0>c</a></body></html>");
      site.page(
          "/good",
          "<html><body><main><h1>Aqualine WM-8420X E18 fix</h1><p>Cleaned the drain pump filter behind the kickplate, that fixed it. The washer drains again.</p></main></body></html>");
      site.page(
          "/malformed",
          "<html><body><div><p>Unclosed <b>tags <table><tr><td>Kesseler F21 wont drain, the dishwasher has standing water in the bottom after every cycle<div></p></html><<<>>>&&&;");
      byte[] random = new byte[200_000];
      new Random(42).nextBytes(random);
      site.handle("/binary", ex -> send(ex, 200, "text/html", random, Map.of()));
      site.handle(
          "/huge",
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 50L * 1024 * 1024);
            byte[] chunk =
                "<p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>\n"
                    .repeat(800)
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
              for (long sent = 0; sent + chunk.length <= 50L * 1024 * 1024; sent += chunk.length)
                out.write(chunk);
            }
          });
      for (int i = 0; i < 20; i++) {
        String next = "/chain" + (i + 1);
        site.handle(
            "/chain" + i, ex -> send(ex, 301, "text/html", new byte[0], Map.of("Location", next)));
      }
      site.handle(
          "/loop1", ex -> send(ex, 302, "text/html", new byte[0], Map.of("Location", "/loop2")));
      site.handle(
          "/loop2", ex -> send(ex, 302, "text/html", new byte[0], Map.of("Location", "/loop1")));
      site.handle(
          "/trickle",
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
              for (int i = 0; i < 20; i++) {
                out.write('<');
                out.flush();
                Thread.sleep(1000);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            out.close();
          });
      site.respond("/error", 500, "text/html", "<html><body>oops</body></html>");
      byte[] badUtf8 =
          "<html><body><p>Brewster AC1200-B shows OE on the display and no coffee comes out of the spout at all \u00ff\u00fe bad bytes: "
              .getBytes(StandardCharsets.ISO_8859_1);
      byte[] tail = {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, (byte) 0x82, '<', '/', 'p', '>'};
      byte[] page = new byte[badUtf8.length + tail.length];
      System.arraycopy(badUtf8, 0, page, 0, badUtf8.length);
      System.arraycopy(tail, 0, page, badUtf8.length, tail.length);
      site.handle("/badutf8", ex -> send(ex, 200, "text/html; charset=utf-8", page, Map.of()));
      site.handle(
          "/bomb",
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, 0);
            try (GZIPOutputStream gz = new GZIPOutputStream(ex.getResponseBody())) {
              byte[] zeros = new byte[1 << 20];
              for (int i = 0; i < 1024; i++)
                gz.write(zeros); // 1 GiB of zeros, about 1 MB on the wire
            }
          });
      site.handle(
          "/calendar",
          ex -> {
            int m = Integer.parseInt(ex.getRequestURI().getQuery().replace("m=", ""));
            send(
                ex,
                200,
                "text/html",
                ("<html><body><p>Events in month "
                        + m
                        + "</p><a href=\"/calendar?m="
                        + (m + 1)
                        + "\">next</a></body></html>")
                    .getBytes(StandardCharsets.UTF_8),
                Map.of());
          });

      Runtime rt = Runtime.getRuntime();
      CrawlCounters counters = new CrawlCounters();
      Path records = dir.resolve("records.jsonl");
      long start = System.nanoTime();
      try (RecordLog log = RecordLog.openForAppend(records)) {
        new Crawler4jEngine(LIMITS, dir.resolve("state"), AddressPolicy.system())
            .crawl(
                List.of(SiteConfig.of("hostile", SourceKind.MANUAL, site.origin(), true)),
                new PageProcessor(new Keying(KeyExtractor.builtIn()), log),
                counters);
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000;
      System.gc(); // measure what the crawl retains, not garbage awaiting collection
      long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);

      assertThat(seconds).as("the crawl finished despite the trickling server").isLessThan(60);
      assertThat(usedMb).as("memory stays bounded (heap in use after the crawl)").isLessThan(512);
      assertThat(counters.get(CrawlCounters.Outcome.TOO_LARGE))
          .as("the 50 MB page and the gzip bomb")
          .isGreaterThanOrEqualTo(2);
      assertThat(counters.snapshot()).containsKey("failed: http 500");
      assertThat(counters.get(CrawlCounters.Outcome.FAILED))
          .as("500, trickle timeout: " + counters.snapshot())
          .isGreaterThanOrEqualTo(2);
      assertThat(site.paths().stream().filter(p -> p.startsWith("/calendar")).count())
          .as("spider trap bounded by depth")
          .isLessThanOrEqualTo(LIMITS.maxDepth() + 1);
      assertThat(site.paths().stream().filter(p -> p.startsWith("/loop")).count())
          .as("redirect loop bounded")
          .isLessThanOrEqualTo(4);
      assertThat(site.paths().stream().filter(p -> p.startsWith("/chain")).count())
          .as("a redirect chain stops after maxRedirects hops")
          .isEqualTo(LIMITS.maxRedirects() + 1);
      assertThat(counters.snapshot()).containsKey("filtered: too many redirects");
      assertThat(counters.snapshot())
          .containsKey("unsupported type: binary content served as text");
      assertThat(RecordLog.read(records).docs().values())
          .extracting(SourceDoc::url)
          .noneMatch(u -> u.endsWith("/binary"));
      assertThat(RecordLog.read(records).docs().values())
          .extracting(SourceDoc::url)
          .anyMatch(u -> u.endsWith("/badutf8"))
          .anyMatch(u -> u.endsWith("/malformed"));
      assertThat(RecordLog.read(records).docs().values())
          .as(site.paths() + " " + counters.snapshot())
          .extracting(SourceDoc::url)
          .anyMatch(u -> u.endsWith("/good"));
    }
  }
}
