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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  /** The search page is HTML from the server: results without any script running. */
  @Test
  @Order(1)
  void theSearchPageIsRenderedOnTheServer() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("FixFinder").contains("/enhance.js");
    HttpResponse<String> results = get("/?q=washing+machine+wont+drain");
    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.body())
        .contains("class=\"hit\"")
        .contains("class=\"issue\"")
        .contains("href=\"/issue/iss-")
        .doesNotContain("<script>alert")
        .doesNotContain("127.0.0.1:" + port + "/issue");
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
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

  /**
   * A customer's path in a real browser: suggestions by keyboard alone, search, an issue, a source
   * filter, the pager and Back, a product; axe-core finds no serious or critical WCAG 2.2 A/AA
   * violation on any page.
   */
  @Test
  @Order(2)
  void aCustomersPathWorksInABrowserAndPassesAxe() throws Exception {
    String base = "http://127.0.0.1:" + port;
    try (Browser browser = new Browser(data.resolve("chromium-js"), true)) {
      WebDriver d = browser.driver;
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(base + "/");
      browser.assertAccessible("the home page");

      // Keyboard only: type, arrow to the first suggestion, Enter runs it.
      WebElement q = d.findElement(By.id("q"));
      q.sendKeys("washing");
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li")));
      assertThat(q.getAttribute("aria-expanded")).isEqualTo("true");
      q.sendKeys(Keys.ARROW_DOWN);
      assertThat(q.getAttribute("aria-activedescendant")).isEqualTo("q-suggestion-0");
      String chosen = d.findElement(By.id("q-suggestion-0")).getText();
      q.sendKeys(Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("q="));
      assertThat(d.findElement(By.id("q")).getAttribute("value")).isEqualTo(chosen);
      assertThat(d.findElements(By.cssSelector(".hit, .issue"))).isNotEmpty();
      browser.assertAccessible("the results of a suggestion");

      // Search, then the first issue group's page.
      d.get(base + "/?q=washing+machine+wont+drain+E18");
      // The page's weight budget (issue 14): under 100 KB over the wire, all of it. The time to
      // first results is printed for docs/benchmarks.md, never asserted.
      Browser.Cost cost = browser.cost();
      System.out.printf(
          "page budget: results page %d bytes over the wire, DOM ready %.0f ms, first paint %.0f ms%n",
          cost.bytes(), cost.domContentLoadedMs(), cost.firstContentfulPaintMs());
      assertThat(cost.bytes()).isPositive().isLessThan(100 * 1024);
      browser.assertAccessible("a results page");
      // The first issue's card says its best fix in a line or two, linked to it on the issue page.
      WebElement topFix = d.findElement(By.cssSelector(".issue .top-fix"));
      assertThat(topFix.getText()).startsWith("Fix: ").hasSizeGreaterThan(10);
      assertThat(topFix.findElement(By.tagName("a")).getAttribute("href"))
          .matches(".*/issue/iss-[0-9a-z-]+#fix-1");
      d.findElement(By.cssSelector(".issue h3 a")).click();
      wait.until(ExpectedConditions.urlContains("/issue/iss-"));
      assertThat(d.findElement(By.tagName("h1")).getText()).contains("E18");
      // The fixes first, quoted from the sources, with their support.
      String issuePage = d.getPageSource();
      assertThat(issuePage)
          .contains("How to fix it")
          .contains("class=\"fix\"")
          .contains("accepted answer with");
      assertThat(issuePage.indexOf("How to fix it"))
          .isLessThan(issuePage.indexOf("id=\"kind-manual\""));
      browser.assertAccessible("an issue page");

      // "Did this fix it?": still broken leads on, and the answer is remembered on reload.
      String issueUrl = d.getCurrentUrl();
      String issueVote = "form.vote[id^='vote-issue-']";
      d.findElement(By.cssSelector(issueVote + " button[value=no]")).click();
      wait.until(ExpectedConditions.urlContains("voted=issue"));
      assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("still broken");
      browser.assertAccessible("an issue page after a vote");
      d.get(issueUrl);
      assertThat(d.findElement(By.cssSelector(issueVote + " .yours")).getText())
          .isEqualTo("Your answer today: still broken.");

      // A fix's own "did this fix it?": "still broken" lists the issue's other fixes (each a link
      // to its place on the page) and the people who can help, or says nobody is registered; the
      // fix's count and the visitor's answer are there after a reload.
      WebElement fixForm = d.findElement(By.cssSelector("li.fix form.vote"));
      String fixFormId = fixForm.getAttribute("id");
      assertThat(fixFormId).startsWith("vote-doc-");
      String votedFix =
          d.findElement(By.xpath("//li[contains(@class,'fix')][.//form[@id='" + fixFormId + "']]"))
              .findElement(By.cssSelector(".fix-text"))
              .getText();
      long before = voters(fixForm);
      fixForm.findElement(By.cssSelector("button[value=no]")).click();
      wait.until(ExpectedConditions.urlContains("voted=doc"));
      WebElement notice = d.findElement(By.cssSelector(".notice.still-broken"));
      List<WebElement> others = notice.findElements(By.cssSelector(".next-fixes a"));
      assertThat(notice.getText()).contains("Sorry it is still broken.");
      assertThat(others).as("the issue's other fixes").isNotEmpty();
      assertThat(notice.getText()).contains("Other fixes to try:");
      for (WebElement other : others) {
        String anchor = other.getAttribute("href").replaceAll(".*#", "");
        assertThat(anchor).matches("fix-\\d+");
        WebElement target = d.findElement(By.id(anchor));
        assertThat(target.findElements(By.id(fixFormId))).as("not the fix voted on").isEmpty();
        assertThat(votedFix).doesNotStartWith(other.getText().replace("…", ""));
      }
      if (d.findElements(By.id("helpers-heading")).isEmpty()) {
        assertThat(notice.getText())
            .contains("Nobody who can help in person has registered for this fault yet");
        assertThat(notice.findElement(By.linkText("Know how to fix it? Offer your help")))
            .isNotNull();
      } else {
        assertThat(notice.findElement(By.cssSelector("a[href='#helpers-heading']")).getText())
            .containsPattern("(person|people) who can help");
      }
      assertThat(notice.getText()).doesNotContain("coming to FixFinder soon");
      browser.assertAccessible("an issue page after a vote on a fix");
      d.get(issueUrl);
      WebElement fixAgain = d.findElement(By.id(fixFormId));
      assertThat(fixAgain.findElement(By.cssSelector(".yours")).getText())
          .isEqualTo("Your answer today: still broken.");
      assertThat(voters(fixAgain)).isEqualTo(before + 1);

      // A source filter is a link that keeps the query and shows only that kind, as many results
      // as its count said.
      d.get(base + "/?q=washing+machine");
      WebElement manuals = d.findElement(By.partialLinkText("Manual ("));
      String count = manuals.getText().replaceAll(".*\\((\\d[\\d,]*)\\).*", "$1");
      manuals.click();
      wait.until(ExpectedConditions.urlContains("kind=manual"));
      assertThat(d.findElement(By.cssSelector("p.status")).getText())
          .matches("(No good match: )?" + count + " results?(,.*)?");
      assertThat(d.findElement(By.id("q")).getAttribute("value")).isEqualTo("washing machine");
      assertThat(d.findElements(By.cssSelector(".hit .kind")))
          .isNotEmpty()
          .allSatisfy(k -> assertThat(k.getText()).isEqualTo("MANUAL"));

      // The pager and Back.
      d.get(base + "/?q=washing+machine");
      String first = d.findElement(By.cssSelector("p.status")).getText();
      d.findElement(By.cssSelector("a[rel=next]")).click();
      wait.until(ExpectedConditions.urlContains("page=2"));
      assertThat(d.findElement(By.cssSelector("p.status")).getText())
          .contains("page 2 of")
          .startsWith(first.substring(0, first.indexOf(',')));
      browser.assertAccessible("a second page of results");
      d.navigate().back();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("page=2")));
      assertThat(d.findElement(By.cssSelector("p.status")).getText()).isEqualTo(first);

      // A product's page from a result.
      d.get(base + "/?q=WM-8420X+wont+drain");
      d.findElement(By.cssSelector(".hit a[href^='/product/']")).click();
      wait.until(ExpectedConditions.urlContains("/product/"));
      assertThat(d.findElement(By.tagName("h1")).getText()).contains("WM-8420X");
      browser.assertAccessible("a product page");

      // Nothing about fridges: an honest no-match that says what was understood.
      d.get(base + "/?q=my+fridge+is+making+noise");
      assertThat(d.findElement(By.cssSelector(".nomatch")).getText())
          .contains("No good match")
          .contains("We understood");
      assertThat(d.findElements(By.cssSelector(".issue"))).isEmpty();
      browser.assertAccessible("the no-match state");

      // The leaderboards (issue 16), from the header's link: the demo has no repair reports, so
      // nothing is ranked, and the pages say so.
      d.get(base + "/");
      d.findElement(By.linkText("Leaderboards")).click();
      wait.until(ExpectedConditions.urlContains("/leaderboards"));
      browser.assertAccessible("the leaderboards");
      d.findElement(By.cssSelector("table.board tbody a")).click();
      wait.until(ExpectedConditions.urlMatches(".*/leaderboards/[a-z-]+$"));
      assertThat(d.findElement(By.tagName("h1")).getText()).endsWith("brands and models");
      browser.assertAccessible("a product type's leaderboard");
    }
  }

  /** People who voted on a form's item, from its "3 of 4 people who voted ..." (0 without). */
  static long voters(WebElement form) {
    List<WebElement> counts = form.findElements(By.cssSelector(".counts"));
    if (counts.isEmpty()) return 0;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("of ([\\d,]+) (person|people) who voted")
            .matcher(counts.get(0).getText());
    assertThat(m.find()).as(counts.get(0).getText()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  /** With JavaScript off the same path still works: the pages are HTML from the server. */
  @Test
  @Order(2)
  void thePagesWorkWithJavaScriptOff() throws Exception {
    String base = "http://127.0.0.1:" + port;
    try (Browser browser = new Browser(data.resolve("chromium-nojs"), false)) {
      WebDriver d = browser.driver;
      d.get(base + "/");
      WebElement q = d.findElement(By.id("q"));
      q.sendKeys("washing machine wont drain");
      q.submit();
      new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("q="));
      assertThat(d.findElements(By.cssSelector(".hit"))).isNotEmpty();
      assertThat(d.findElement(By.id("q")).getAttribute("aria-expanded")).isNull();
      d.findElement(By.cssSelector(".issue h3 a")).click();
      // axe itself needs scripts: the same pages are checked with JavaScript on above.
      assertThat(d.findElement(By.tagName("h1")).getText()).isNotBlank().isNotEqualTo("Loading…");
      assertThat(d.findElements(By.cssSelector("form.vote button"))).isNotEmpty();
    }
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

  /** The JSON API's facets: each count is the total of the search with that value chosen. */
  @Test
  @Order(1)
  void facetCountsAreTheTotalsTheirFiltersGive() throws Exception {
    int checked = 0;
    for (String q :
        List.of(
            "washing machine wont drain", "E18", "coffee machine leaking", "dryer not drying")) {
      JsonNode all = api("/api/search?q=" + enc(q));
      var facets = all.get("facets").fields();
      while (facets.hasNext()) {
        var facet = facets.next();
        var values = facet.getValue().fields();
        while (values.hasNext()) {
          var value = values.next();
          JsonNode filtered =
              api("/api/search?q=" + enc(q) + "&" + facet.getKey() + "=" + enc(value.getKey()));
          assertThat(filtered.get("total").asLong())
              .as("%s, %s=%s", q, facet.getKey(), value.getKey())
              .isEqualTo(value.getValue().asLong());
          checked++;
        }
      }
      // The page's facet links lead to as many results as they say.
      String html = get("/?q=" + enc(q)).body();
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile(
                  "<a href=\"([^\"]+)\" data-facet=\"[a-z]+\"[^>]*>[^<(]+\\(([\\d,]+)\\)</a>")
              .matcher(html);
      int links = 0;
      while (link.find()) {
        String target = link.group(1).replace("&amp;", "&");
        String shown = get(target).body();
        assertThat(shown)
            .as(target)
            .containsPattern(
                "role=\"status\">(No good match: )?" + link.group(2) + " results?[,<]");
        links++;
      }
      assertThat(links).as("facet links on the page for " + q).isPositive();
    }
    assertThat(checked).isGreaterThan(20);
  }

  /** Hits name their site as people know it; videos carry a thumbnail served by us. */
  @Test
  @Order(1)
  void hitsShowSiteNamesAndVideoThumbnailsFromOurOrigin() throws Exception {
    JsonNode body = api("/api/search?size=50&q=" + enc("washing machine wont drain"));
    Set<String> names = new HashSet<>();
    JsonNode video = null;
    for (JsonNode h : body.get("hits")) {
      String name = h.get("siteName").asText();
      assertThat(name).as(h.get("url").asText()).isNotBlank().doesNotContain("127.0.0.1");
      names.add(name);
      if (h.get("kind").asText().equals("video") && video == null) video = h;
    }
    assertThat(names).contains("YouTube", "ManualVault").anyMatch(n -> n.contains("Forum"));
    assertThat(video).as("a video hit").isNotNull();
    String thumb = video.get("thumbnail").asText();
    assertThat(thumb).matches("/thumbs/[0-9a-f]{64}");
    HttpResponse<byte[]> image =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + thumb)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(image.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
    assertThat(get("/thumbs/" + "0".repeat(64)).statusCode()).isEqualTo(404);
  }

  /**
   * In a browser: a facet's count is the total it leads to; the query's chips remove their part (a
   * hashtag intent included) with JavaScript on; hits name their site; video thumbnails load from
   * our own origin under the strict CSP; axe finds nothing serious.
   */
  @Test
  @Order(2)
  void facetsChipsSiteNamesAndThumbnailsInABrowser() throws Exception {
    String base = "http://127.0.0.1:" + port;
    try (Browser browser = new Browser(data.resolve("chromium-chips"), true)) {
      WebDriver d = browser.driver;
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));

      d.get(base + "/?q=Aqualine+washing+machine+wont+drain+E18+%23refund");
      assertThat(d.findElements(By.cssSelector(".understood .chip[data-chip]")))
          .extracting(e -> e.getAttribute("data-chip"))
          .contains("brand", "type", "code", "symptom", "tag");
      assertThat(d.findElement(By.cssSelector(".chip[data-chip=tag]")).getText())
          .contains("#refund");
      browser.assertAccessible("a results page with chips");
      d.findElement(By.cssSelector(".chip[data-chip=tag] a.remove")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("refund")));
      assertThat(d.findElement(By.id("q")).getAttribute("value"))
          .isEqualTo("Aqualine washing machine wont drain E18");
      assertThat(d.findElements(By.cssSelector(".chip[data-chip=tag]"))).isEmpty();
      assertThat(d.findElements(By.cssSelector(".chip[data-chip=code]"))).hasSize(1);
      d.findElement(By.cssSelector(".chip[data-chip=code] a.remove")).click();
      wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("E18")));
      assertThat(d.findElements(By.cssSelector(".chip[data-chip=code]"))).isEmpty();
      assertThat(d.findElements(By.cssSelector(".chip[data-chip=brand]"))).hasSize(1);

      // Every facet link, of every facet, leads to the total it shows.
      d.get(base + "/?q=washing+machine+wont+drain");
      List<String[]> facetLinks = new ArrayList<>();
      for (WebElement a : d.findElements(By.cssSelector("a[data-facet]"))) {
        String n = a.getText().replaceAll(".*\\((\\d[\\d,]*)\\).*", "$1");
        facetLinks.add(new String[] {a.getAttribute("href"), n});
      }
      assertThat(facetLinks).hasSizeGreaterThan(2);
      for (String[] f : facetLinks) {
        d.get(f[0]);
        assertThat(d.findElement(By.cssSelector("p.status")).getText())
            .as(f[0])
            .matches("(No good match: )?" + f[1] + " results?(,.*)?");
      }

      // Site names, not addresses; a video's thumbnail loads from our origin.
      d.get(base + "/?q=washing+machine+wont+drain");
      assertThat(d.findElements(By.cssSelector(".hit .site")))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.getText()).isNotBlank().doesNotContain("127.0.0.1"));
      d.get(base + "/?q=washing+machine+wont+drain&kind=video");
      WebElement img = d.findElement(By.cssSelector(".hit img.thumb"));
      JavascriptExecutor js = (JavascriptExecutor) d;
      js.executeScript("arguments[0].scrollIntoView()", img);
      wait.until(
          x ->
              Boolean.TRUE.equals(
                  js.executeScript(
                      "return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
      assertThat(String.valueOf(js.executeScript("return arguments[0].currentSrc", img)))
          .startsWith(base + "/thumbs/");
      assertThat(img.getAttribute("alt")).startsWith("Video: ");
      browser.assertAccessible("results with thumbnails");
    }
  }

  @Test
  @Order(1)
  void theDemoCompanysDashboardHasAYearAndAnEmergingIssue() throws Exception {
    JsonNode keys = Json.mapper().readTree(data.resolve("demo-company.json").toFile());
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/dashboard?days=365"))
                .header("X-Api-Key", keys.path("secretKey").asText())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = Json.mapper().readTree(r.body());
    assertThat(report.path("emerging").size()).as(r.body()).isPositive();
    // the publishable key, the one in the page, opens no dashboard
    HttpResponse<String> pk =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dashboard"))
                .header("X-Api-Key", keys.path("publishableKey").asText())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(pk.statusCode()).isEqualTo(403);
  }

  /** The company help page the demo printed, e.g. {@code http://127.0.0.1:7091}. */
  static String companyPage() {
    synchronized (output) {
      for (String line : output) {
        int at = line.indexOf("help page with the FixFinder search box: ");
        if (at >= 0) {
          String rest = line.substring(at + "help page with the FixFinder search box: ".length());
          return rest.substring(0, rest.indexOf('/', "http://".length()));
        }
      }
    }
    throw new AssertionError("the demo printed no company help page: " + output);
  }

  static final String WIDGET_ROOT = "return document.getElementById('fixfinder').shadowRoot";

  /** Text of the widget's shadow root, or "" before it is mounted. */
  static String widgetText(JavascriptExecutor js) {
    Object t =
        js.executeScript(
            "const h = document.getElementById('fixfinder');"
                + "return h && h.shadowRoot ? h.shadowRoot.textContent : ''");
    return String.valueOf(t);
  }

  @Test
  @Order(2)
  void aCompanysHelpPageEmbedsTheSearchBoxScopedToItsBrand() throws Exception {
    String company = companyPage();
    String base = "http://127.0.0.1:" + port;
    try (Browser browser = new Browser(data.resolve("chromium-widget"), true)) {
      WebDriver d = browser.driver;
      JavascriptExecutor js = (JavascriptExecutor) d;
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(company + "/");
      wait.until(
          x ->
              Boolean.TRUE.equals(
                  js.executeScript(
                      "const h = document.getElementById('fixfinder');"
                          + "return !!(h && h.shadowRoot && h.shadowRoot.getElementById('q'))")));
      js.executeScript(
          "window.__ff = []; document.getElementById('fixfinder')"
              + ".addEventListener('fixfinder:results', e => window.__ff.push(e.detail))");

      // Keyboard only: Tab from the top of the page reaches the box.
      boolean reached = false;
      for (int i = 0; i < 6 && !reached; i++) {
        new org.openqa.selenium.interactions.Actions(d).sendKeys(Keys.TAB).perform();
        reached =
            Boolean.TRUE.equals(
                js.executeScript(
                    "const h = document.getElementById('fixfinder');"
                        + "return document.activeElement === h"
                        + " && h.shadowRoot.activeElement.id === 'q'"));
      }
      assertThat(reached).as("the box is reached with Tab").isTrue();
      type(d, "Kes");
      // the scope holds on suggestions: a competitor's brand is never offered
      awaitAnswer(js, wait, "Kes");
      Thread.sleep(300); // the suggestions' own round trip
      assertThat(widgetText(js)).doesNotContainIgnoringCase("Kesseler");
      clearBox(d, js);
      type(d, "washing machine won't drain");
      awaitAnswer(js, wait, "washing machine won't drain");
      String shown = widgetText(js);
      assertThat(shown).contains("How to fix it").doesNotContainIgnoringCase("Kesseler");
      // every issue offered belongs to the tenant's brand
      @SuppressWarnings("unchecked")
      List<String> issueLinks =
          (List<String>)
              js.executeScript(
                  "return Array.from("
                      + WIDGET_ROOT.substring("return ".length())
                      + ".querySelectorAll('a[href*=\"/issue/\"]')).map(a => a.href)");
      assertThat(issueLinks).isNotEmpty();
      for (String link : issueLinks) {
        String id = link.substring(link.lastIndexOf('/') + 1);
        assertThat(api("/api/issues/" + id).path("issue").path("scope").path("brand").asText())
            .as(link)
            .isEqualTo("Aqualine");
      }

      // Arrow to a suggestion, Enter runs it
      clearBox(d, js);
      type(d, "E1");
      wait.until(
          x ->
              Boolean.TRUE.equals(
                  js.executeScript(WIDGET_ROOT + ".getElementById('sg').children.length > 0")));
      type(d, Keys.ARROW_DOWN);
      assertThat(
              js.executeScript(
                  WIDGET_ROOT + ".getElementById('q')" + ".getAttribute('aria-activedescendant')"))
          .isEqualTo("sg-0");
      String chosen =
          String.valueOf(js.executeScript(WIDGET_ROOT + ".getElementById('sg-0').textContent"));
      type(d, Keys.ENTER);
      awaitAnswer(js, wait, chosen);
      // Tab to the first "How to fix it", Enter opens the fix, Tab to "Yes", Enter votes
      clearBox(d, js);
      type(d, "washing machine won't drain E18");
      awaitAnswer(js, wait, "washing machine won't drain E18");
      tabTo(d, js, "How to fix it");
      new org.openqa.selenium.interactions.Actions(d).sendKeys(Keys.ENTER).perform();
      wait.until(x -> widgetText(js).contains("Did this fix it?"));
      assertThat(js.executeScript(WIDGET_ROOT + ".querySelectorAll('.fix ol li').length"))
          .isNotEqualTo(0L);
      tabTo(d, js, "Yes");
      new org.openqa.selenium.interactions.Actions(d).sendKeys(Keys.ENTER).perform();
      wait.until(x -> widgetText(js).contains("Thank you."));
      browser.assertAccessible("the company help page with the box's results and a fix open");

      // No style leaks in: the page's rules for every element, inputs and buttons stop at the box.
      @SuppressWarnings("unchecked")
      List<String> inside =
          (List<String>)
              js.executeScript(
                  "const r = document.getElementById('fixfinder').shadowRoot;"
                      + "const i = getComputedStyle(r.getElementById('q'));"
                      + "const b = getComputedStyle(r.querySelector('button[type=submit]'));"
                      + "return [i.fontFamily, i.borderTopStyle, i.fontSize, b.textTransform,"
                      + " b.letterSpacing]");
      assertThat(inside.get(0)).doesNotContain("Georgia");
      assertThat(inside.get(1)).isEqualTo("solid");
      assertThat(inside.get(2)).isEqualTo("16px");
      assertThat(inside.get(3)).isEqualTo("none");
      assertThat(inside.get(4)).isEqualTo("normal");
      // ... and none leak out: the page's own button looks the same with the box gone, and the
      // document holds only the page's own style sheet.
      String pageStyle =
          "const b = getComputedStyle(document.querySelector('.page-button'));"
              + "return [b.fontFamily, b.textTransform, b.backgroundColor, b.padding,"
              + " document.styleSheets.length, document.adoptedStyleSheets.length].join('|')";
      Object before = js.executeScript(pageStyle);
      js.executeScript("document.getElementById('fixfinder').remove()");
      assertThat(js.executeScript(pageStyle)).isEqualTo(before);
      assertThat(String.valueOf(before)).endsWith("|1|0");
      assertThat(d.manage().getCookies()).as("the box sets no cookie").isEmpty();

      // Keystroke to results, typed at a person's pace: the figure docs/benchmarks.md reports.
      d.get(company + "/");
      wait.until(
          x ->
              Boolean.TRUE.equals(
                  js.executeScript(
                      "const h = document.getElementById('fixfinder');"
                          + "return !!(h && h.shadowRoot && h.shadowRoot.getElementById('q'))")));
      js.executeScript(
          "window.__ff = []; document.getElementById('fixfinder')"
              + ".addEventListener('fixfinder:results', e => window.__ff.push(e.detail))");
      WebElement box =
          ((WebElement) js.executeScript("return document.getElementById('fixfinder')"))
              .getShadowRoot()
              .findElement(By.cssSelector("input"));
      for (String q :
          List.of(
              "washing machine won't drain E18",
              "dryer not drying",
              "dishwasher error E24",
              "door locked after wash")) {
        box.click();
        clearBox(d, js);
        for (char ch : q.toCharArray()) {
          box.sendKeys(String.valueOf(ch));
          Thread.sleep(120);
        }
        Thread.sleep(500);
      }
      @SuppressWarnings("unchecked")
      List<Number> ms = (List<Number>) js.executeScript("return window.__ff.map(r => r.ms)");
      assertThat(ms).hasSizeGreaterThan(20);
      printPercentiles("widget keystroke-to-results on loopback: %d answers shown", ms);

      // The baseline in the same run: the box's own search request for every prefix of the same
      // queries, sent bare from the same page at the same pace (same key, same CORS path, JSON
      // parsed, nothing rendered, nothing coalesced): what the box costs above the request.
      @SuppressWarnings("unchecked")
      List<Number> bare =
          (List<Number>)
              js.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "const s = document.querySelector('script[data-key]');"
                      + "const api = (s.dataset.api || new URL(s.src).origin).replace(/\\/+$/, '');"
                      + "const qs = arguments[0]; const out = [];"
                      + "(async () => { for (const q of qs) { for (let i = 1; i <= q.length; i++) {"
                      + "  const t0 = performance.now();"
                      + "  const r = await fetch(api + '/api/search?size=5&q=' + encodeURIComponent(q.slice(0, i)),"
                      + "    {headers: {Accept: 'application/json', 'X-Api-Key': s.dataset.key},"
                      + "     credentials: 'omit', mode: 'cors'});"
                      + "  await r.json(); const ms = performance.now() - t0;"
                      + "  if (r.ok) out.push(Math.round(ms));"
                      + "  await new Promise(w => setTimeout(w, Math.max(0, 120 - ms))); } }"
                      + "})().then(() => done(out), e => done([]));",
                  List.of(
                      "washing machine won't drain E18",
                      "dryer not drying",
                      "dishwasher error E24",
                      "door locked after wash"));
      assertThat(bare).as("bare requests answered").hasSizeGreaterThan(20);
      printPercentiles("baseline, the same search requests bare from the page: %d answered", bare);

      // The API down: the box still leads to the full site.
      d.get(company + "/offline");
      WebElement offline =
          wait.until(
              x ->
                  ((WebElement) js.executeScript("return document.getElementById('fixfinder')"))
                      .getShadowRoot()
                      .findElement(By.cssSelector("input")));
      offline.sendKeys("drain");
      wait.until(x -> widgetText(js).contains("Search FixFinder for"));
      String fallback =
          String.valueOf(js.executeScript(WIDGET_ROOT + ".querySelector('.p a').href"));
      assertThat(fallback).isEqualTo(base + "/?q=drain");
      browser.assertAccessible("the company help page with the API down");
    }
  }

  /** Waits for the box to show its answer to {@code query}; fails saying what it shows instead. */
  static void awaitAnswer(JavascriptExecutor js, WebDriverWait wait, String query) {
    try {
      wait.until(
          x ->
              Boolean.TRUE.equals(
                  js.executeScript(
                      "return window.__ff.some(r => r.query === arguments[0])", query)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no answer to '"
              + query
              + "': answers "
              + js.executeScript("return JSON.stringify(window.__ff)")
              + ", box: "
              + widgetText(js)
              + ", value: "
              + js.executeScript(WIDGET_ROOT + ".getElementById('q').value"),
          e);
    }
  }

  /** Tab through the box until the control labelled {@code label} has the focus. */
  static void tabTo(WebDriver d, JavascriptExecutor js, String label) {
    for (int i = 0; i < 20; i++) {
      Object focused =
          js.executeScript(
              WIDGET_ROOT
                  + ".activeElement && "
                  + WIDGET_ROOT.substring("return ".length())
                  + ".activeElement.textContent");
      if (label.equals(focused)) return;
      type(d, Keys.TAB);
    }
    throw new AssertionError("Tab never reached '" + label + "'");
  }

  /** Escape closes the suggestions, Escape again empties the box (keyboard only). */
  static void clearBox(WebDriver d, JavascriptExecutor js) {
    for (int i = 0; i < 3; i++) {
      if ("".equals(js.executeScript(WIDGET_ROOT + ".getElementById('q').value"))) return;
      type(d, Keys.ESCAPE);
    }
    assertThat(js.executeScript(WIDGET_ROOT + ".getElementById('q').value")).isEqualTo("");
  }

  /** Keys to whatever has the focus, as a person at a keyboard sends them. */
  static void type(WebDriver d, CharSequence keys) {
    new org.openqa.selenium.interactions.Actions(d).sendKeys(keys).perform();
  }

  /**
   * What the search cards' top fixes cost (issue 14), from the server's own timer over every search
   * so far: searches that built some issue's fixes, and those that found them all kept. Printed for
   * docs/benchmarks.md, never asserted; only that both paths ran.
   */
  @Test
  @Order(3)
  void theTopFixesCostIsMeasured() throws Exception {
    List<String> queries =
        List.of(
            "washing machine wont drain",
            "coffee machine leaking",
            "dryer not drying",
            "dishwasher not cleaning",
            "E18");
    // a page size no test asked for, so the JSON cache misses; the second time the fixes are kept
    for (String size : List.of("11", "12")) {
      for (String q : queries) api("/api/search?size=" + size + "&q=" + enc(q));
    }
    String scrape = get("/metrics").body();
    java.util.Map<String, Double> m = new java.util.HashMap<>();
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "(?m)^fixfinder_(search_topfix|backend_search)_seconds_(count|sum|max)"
                    + "\\{[^}]*?(?:cache=\"(hit|miss)\"[^}]*)?\\} ([0-9.eE+-]+)$")
            .matcher(scrape);
    while (line.find()) {
      m.put(
          line.group(1) + "." + line.group(3) + "." + line.group(2), Double.valueOf(line.group(4)));
    }
    double missed = m.getOrDefault("search_topfix.miss.count", 0.0);
    double kept = m.getOrDefault("search_topfix.hit.count", 0.0);
    assertThat(missed).as(scrape).isPositive();
    assertThat(kept).as(scrape).isPositive();
    double engine = m.getOrDefault("backend_search.null.count", 0.0);
    System.out.printf(
        "top fixes: %.0f searches built some (mean %.2f ms, max %.2f ms), %.0f had all kept (mean"
            + " %.3f ms, max %.3f ms); the grouped search itself: %.0f, mean %.2f ms%n",
        missed,
        1000 * m.get("search_topfix.miss.sum") / missed,
        1000 * m.getOrDefault("search_topfix.miss.max", 0.0),
        kept,
        1000 * m.get("search_topfix.hit.sum") / kept,
        1000 * m.getOrDefault("search_topfix.hit.max", 0.0),
        engine,
        engine == 0 ? 0 : 1000 * m.get("backend_search.null.sum") / engine);
  }

  static JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Prints {@code what} (with the count) and the p50, p95 and max of {@code ms}. */
  private static void printPercentiles(String what, List<Number> ms) {
    List<Long> sorted = ms.stream().map(Number::longValue).sorted().toList();
    System.out.printf(
        what + ", p50 %d ms, p95 %d ms, max %d ms%n",
        sorted.size(),
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
        sorted.get(sorted.size() - 1));
  }
}
