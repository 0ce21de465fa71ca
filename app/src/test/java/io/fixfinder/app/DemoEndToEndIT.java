package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fixfinder demo} as a user runs it: a real child process that publishes the demo sites and
 * the local YouTube API, crawls, indexes on disk and serves; then searches over HTTP, a second run
 * that reuses the index, and a clean stop on SIGTERM (what Ctrl-C sends the JVM as SIGINT).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoEndToEndIT {
  @TempDir static Path data;
  static Process demo;
  static BlockingQueue<String> demoLines;
  static int port;
  static final List<String> output = new ArrayList<>();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Process start(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Copies a process's output lines into a queue, from a thread of its own. */
  static BlockingQueue<String> watch(Process p) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
              } catch (Exception ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Waits for a line containing {@code marker}; fails after the timeout with the output so far. */
  static void awaitLine(Process p, BlockingQueue<String> lines, String marker, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!p.isAlive() && lines.isEmpty()) break;
        continue;
      }
      synchronized (output) {
        output.add(line);
      }
      if (line.contains(marker)) return;
    }
    throw new AssertionError(
        "no line with '"
            + marker
            + "' within "
            + timeout
            + "; output:\n"
            + String.join("\n", output));
  }

  @BeforeAll
  static void runDemo() throws Exception {
    port = freePort();
    demo = start("demo", "--port", Integer.toString(port), "--data", data.toString());
    demoLines = watch(demo);
    awaitLine(demo, demoLines, "Open http://localhost:" + port + "/", Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.destroyForcibly().waitFor();
    }
  }

  static JsonNode search(String query) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/search?size=30&q="
                            + query.replace(' ', '+')))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  @Order(1)
  void aDrainFaultQueryReturnsManualForumAndVideoHits() throws Exception {
    JsonNode body = search("washing machine wont drain");
    Set<String> kinds = new HashSet<>();
    body.get("hits").forEach(h -> kinds.add(h.get("kind").asText()));
    assertThat(kinds).contains("manual", "forum", "video");
    assertThat(kinds.size()).isGreaterThanOrEqualTo(3);
    JsonNode first = body.at("/hits/0");
    assertThat(first.get("title").asText()).isNotBlank();
    assertThat(first.get("url").asText()).startsWith("http");
    assertThat(first.get("snippet").asText()).isNotBlank();
    assertThat(body.at("/interpretation/symptoms/0").asText()).isEqualTo("wont-drain");
  }

  @Test
  @Order(1)
  void theSearchPageIsServed() throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("FixFinder").contains("/app.js");
  }

  @Test
  @Order(1)
  void theCrawlReportedCountersAndProgress() {
    synchronized (output) {
      assertThat(output).anyMatch(l -> l.contains("pages/s"));
      assertThat(output).anyMatch(l -> l.strip().startsWith("fetched"));
      assertThat(output).anyMatch(l -> l.startsWith("youtube:") && l.contains("videos"));
    }
  }

  /** The console keeps progress and the summary; each request goes to the access-log file. */
  @Test
  @Order(1)
  void theAccessLogIsAFileNotTheConsole() throws Exception {
    search("access log probe");
    Path log = data.resolve("logs/access.log").toAbsolutePath().normalize();
    Thread.sleep(500); // the demo's lines since it became ready, whatever they are
    synchronized (output) {
      demoLines.drainTo(output);
      assertThat(output).anyMatch(l -> l.contains("access log in " + log));
      assertThat(output).noneMatch(l -> l.contains("GET /api/search"));
    }
    assertThat(Files.readAllLines(log)).anyMatch(l -> l.contains("GET /api/search 200"));
  }

  /** Headless Chromium renders the search page, runs its script and shows the hits. */
  @Test
  @Order(2)
  void theSearchPageShowsResultsInABrowser() throws Exception {
    Path chromium = RequiredTool.chromium().require();
    String dom = dumpDom(chromium, "/?q=washing+machine+wont+drain");
    assertThat(dom)
        .contains("class=\"hit\"")
        .contains("kind-manual")
        .contains("kind-forum")
        .contains("kind-video");
    assertThat(dom).contains("results in");
    assertThat(dom).doesNotContain("<script>alert");
    // issue groups above the other results, each linking to its issue page
    assertThat(dom).contains("class=\"issue\"").contains("/issue.html?id=iss-");
    String id = search("wont drain WM-8420X").at("/issues/0/issue/id").asText();
    String issue = dumpDom(chromium, "/issue.html?id=" + id);
    assertThat(issue).contains("E18").contains("Manual sections").contains("Threads");
    // the fixes first, quoted from the sources, with their support (issue 14)
    assertThat(issue)
        .contains("How to fix it")
        .contains("class=\"fix\"")
        .contains("accepted answer with");
    assertThat(issue.indexOf("How to fix it")).isLessThan(issue.indexOf("Manual sections"));
    assertThat(issue).doesNotContain("<script>alert");
  }

  private String dumpDom(Path chromium, String pathAndQuery) throws Exception {
    Process browser =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + data.resolve("chromium-profile"),
                "--virtual-time-budget=10000",
                "--dump-dom",
                "http://127.0.0.1:" + port + pathAndQuery)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return dom;
  }

  @Test
  @Order(100)
  void ctrlCStopsCleanlyAndASecondRunReusesTheIndex() throws Exception {
    demo.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
    assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    demo = start("demo", "--port", Integer.toString(port), "--data", data.toString());
    demoLines = watch(demo);
    awaitLine(demo, demoLines, "reusing the index", Duration.ofSeconds(60));
    awaitLine(demo, demoLines, "Open http://localhost:" + port + "/", Duration.ofSeconds(60));
    assertThat(search("E18").get("total").asInt()).isPositive();
  }

  @Test
  @Order(1)
  void anOccupiedPortIsOneLineAndExit2() throws Exception {
    Process p =
        start("demo", "--port", Integer.toString(port), "--data", data.resolve("other").toString());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out.lines().filter(l -> l.startsWith("fixfinder:")).toList()).hasSize(1);
    assertThat(out).contains("already in use");
  }
}
