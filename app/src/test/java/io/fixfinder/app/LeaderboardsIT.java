package io.fixfinder.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.ApiServer;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.config.ConfigLoader;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The leaderboards over real Open Repair Data: every report of eight product categories imported
 * with {@code import ords} as an operator would, served by a real server, and every figure checked
 * against a count made here straight from the CSV (its own parser, its own Wilson formula), not
 * through FixFinder's code. Also the pages, with JavaScript off and through axe-core.
 */
class LeaderboardsIT {
  static final Path ORDS =
      Path.of("../../shared/data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv");

  /** ORDS categories and the product type FixFinder's lexicon gives each (product-types.yaml). */
  static final Map<String, String> TYPES =
      Map.of(
          "Laptop", "laptop",
          "Mobile", "smartphone",
          "Tablet", "tablet",
          "Printer/scanner", "printer",
          "Vacuum", "vacuum",
          "Kettle", "kettle",
          "Toaster", "toaster",
          "Coffee maker", "coffee-machine");

  static final int MIN_REPORTS = 30;

  @TempDir static Path dir;
  static List<Map<String, String>> rows;
  static IndexStore index;
  static Database database;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void importAndServe() throws Exception {
    assumeTrue(
        Files.isRegularFile(ORDS),
        "../shared/data/openrepair is absent: skipping the leaderboards over real Open Repair Data");
    List<List<String>> csv = parseCsv(Files.readString(ORDS, StandardCharsets.UTF_8));
    List<String> header = csv.getFirst();
    rows = new ArrayList<>();
    Path slice = dir.resolve("ords-slice.csv");
    try (BufferedWriter out = Files.newBufferedWriter(slice, StandardCharsets.UTF_8)) {
      writeCsv(out, header);
      for (List<String> r : csv.subList(1, csv.size())) {
        if (r.size() != header.size()) continue;
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) row.put(header.get(i), r.get(i).strip());
        if (!TYPES.containsKey(row.get("product_category"))) continue;
        writeCsv(out, r);
        // the importer skips a row without a problem text (counted as "empty problem")
        if (!row.get("problem").isEmpty() && !row.get("id").isEmpty()) rows.add(row);
      }
    }
    Path data = dir.resolve("data");
    Path config = dir.resolve("fixfinder.yaml");
    Files.writeString(
        config,
        "index:\n  embeddings: false\n  retrieval: bm25\nleaderboards:\n  minReports: "
            + MIN_REPORTS
            + "\n");
    assertThat(
            Main.run(
                "import",
                "ords",
                slice.toString(),
                "--data",
                data.toString(),
                "--config",
                config.toString()))
        .isZero();

    // composed as `serve` composes it (without issue clusters: this index has no vectors)
    FixFinderConfig cfg =
        ConfigLoader.load(Optional.of(config), Map.of()).withDataDir(data).withPort(0);
    index = IndexStore.openReadOnly(data.resolve("index"));
    database = Database.open("jdbc:sqlite:" + data.resolve("fixfinder.db"));
    FeedbackStore feedback = new FeedbackStore(database, Clock.systemUTC());
    server =
        new ApiServer(
                ApiServer.Backends.withoutClusters(
                    index,
                    new Searcher(
                        index.searchers(),
                        KeyExtractor.builtIn(),
                        Optional.empty(),
                        FixFinderConfig.Retrieval.BM25,
                        cfg.index().fusion()),
                    database,
                    feedback,
                    CrawlStats.fromFile(data.resolve("crawl/last-run.json"))),
                cfg.server(),
                cfg.leaderboards())
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (index != null) index.close();
    if (database != null) database.close();
  }

  @Test
  void everyTypesTotalsAreTheCsvsCounts() throws Exception {
    JsonNode body = json("/api/leaderboards");
    assertThat(body.path("minReports").asInt()).isEqualTo(MIN_REPORTS);
    assertThat(body.path("confidence").asDouble()).isEqualTo(0.95);
    Map<String, long[]> expected = new TreeMap<>();
    for (Map<String, String> r : rows) {
      long[] c = expected.computeIfAbsent(TYPES.get(r.get("product_category")), t -> new long[4]);
      c[outcome(r)]++;
    }
    Map<String, JsonNode> served = new HashMap<>();
    body.path("types").forEach(t -> served.put(t.path("type").asText(), t));
    for (var e : expected.entrySet()) {
      JsonNode t = served.get(e.getKey());
      assertThat(t).as(e.getKey()).isNotNull();
      long[] c = e.getValue();
      assertThat(t.path("reports").asLong()).as(e.getKey()).isEqualTo(c[0] + c[1] + c[2] + c[3]);
      assertThat(t.path("outcomes").path("fixed").asLong()).as(e.getKey()).isEqualTo(c[0]);
      assertThat(t.path("outcomes").path("repairable").asLong()).isEqualTo(c[1]);
      assertThat(t.path("outcomes").path("endOfLife").asLong()).isEqualTo(c[2]);
      assertThat(t.path("outcomes").path("unknown").asLong()).isEqualTo(c[3]);
    }
    // most reported type first
    assertThat(body.path("types").get(0).path("type").asText()).isEqualTo("laptop");
    System.out.println("leaderboards on real ORDS (" + rows.size() + " reports):");
    for (JsonNode t : body.path("types")) {
      System.out.printf(
          "  %-15s %5d reports, %2d of %2d brands ranked, %d models ranked%n",
          t.path("type").asText(),
          t.path("reports").asLong(),
          t.path("brandsRanked").asInt(),
          t.path("brands").size(),
          t.path("modelsRanked").asInt());
    }
  }

  @Test
  void brandFiguresAreTheCsvsCountsAndOnlyEnoughReportsRank() throws Exception {
    JsonNode laptop = json("/api/leaderboards?type=laptop").path("types").get(0);
    assertThat(laptop.path("type").asText()).isEqualTo("laptop");
    int ranked = 0;
    List<Double> lowerBounds = new ArrayList<>();
    for (JsonNode b : laptop.path("brands")) {
      String brand = b.path("brand").asText();
      long[] c = new long[4];
      for (Map<String, String> r : rows) {
        if (r.get("product_category").equals("Laptop") && brand.equals(laptopBrand(r))) {
          c[outcome(r)]++;
        }
      }
      long known = c[0] + c[1] + c[2];
      JsonNode o = b.path("outcomes");
      System.out.printf(
          "  laptop %-12s served %d/%d/%d/%d csv %d/%d/%d/%d%n",
          brand,
          o.path("fixed").asLong(),
          o.path("repairable").asLong(),
          o.path("endOfLife").asLong(),
          o.path("unknown").asLong(),
          c[0],
          c[1],
          c[2],
          c[3]);
      boolean enough =
          o.path("fixed").asLong() + o.path("repairable").asLong() + o.path("endOfLife").asLong()
              >= MIN_REPORTS;
      assertThat(b.path("ranked").asBoolean()).as(brand).isEqualTo(enough);
      if (!enough) {
        assertThat(b.path("fixRank").isNull()).as(brand).isTrue();
        assertThat(b.path("endOfLifeRank").isNull()).as(brand).isTrue();
        continue;
      }
      ranked++;
      assertThat(b.path("fixRank").asInt()).isPositive();
      assertThat(o.path("fixed").asLong()).as(brand).isEqualTo(c[0]);
      assertThat(o.path("repairable").asLong()).as(brand).isEqualTo(c[1]);
      assertThat(o.path("endOfLife").asLong()).as(brand).isEqualTo(c[2]);
      double[] w = wilson(c[0], known);
      JsonNode fix = b.path("fixRate");
      assertThat(fix.path("n").asLong()).isEqualTo(known);
      assertThat(fix.path("value").asDouble()).isCloseTo((double) c[0] / known, within(1e-9));
      assertThat(fix.path("low").asDouble()).isCloseTo(w[0], within(1e-9));
      assertThat(fix.path("high").asDouble()).isCloseTo(w[1], within(1e-9));
      double[] e = wilson(c[2], known);
      assertThat(b.path("endOfLifeRate").path("high").asDouble()).isCloseTo(e[1], within(1e-9));
      lowerBounds.add(fix.path("low").asDouble());
    }
    assertThat(ranked).isEqualTo(laptop.path("brandsRanked").asInt()).isGreaterThanOrEqualTo(5);
    // ranked rows come first, best cautious bound first
    assertThat(lowerBounds).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void aVoteOnAReportCountsForItsBrandAtOnce() throws Exception {
    Map<String, String> report =
        rows.stream()
            .filter(
                r -> r.get("product_category").equals("Laptop") && r.get("brand").equals("Dell"))
            .findFirst()
            .orElseThrow();
    String docId = SourceDoc.idFor("ords:" + report.get("id"));
    long before = dell().path("votes").path("yes").asLong();
    HttpResponse<String> vote =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/feedback"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"item\":\"doc:" + docId + "\",\"answer\":\"yes\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
    JsonNode votes = dell().path("votes");
    assertThat(votes.path("yes").asLong()).isEqualTo(before + 1);
    assertThat(votes.path("fixRate").path("n").asLong()).isPositive();
  }

  private JsonNode dell() throws Exception {
    for (JsonNode b : json("/api/leaderboards?type=laptop").path("types").get(0).path("brands")) {
      if (b.path("brand").asText().equals("Dell")) return b;
    }
    throw new AssertionError("no Dell on the laptop board");
  }

  @Test
  void badTypesAreProblems() throws Exception {
    HttpResponse<String> bad = get("/api/leaderboards?type=Laptop!", "application/json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(bad.body()).contains("invalid-parameter");
    HttpResponse<String> unknown = get("/api/leaderboards?type=fridge-freezer", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("not-found");
    assertThat(get("/api/leaderboards?kind=x", "application/json").statusCode()).isEqualTo(400);
    HttpResponse<String> page = get("/leaderboards/fridge-freezer", "text/html");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("no leaderboard for that product type");
    assertThat(get("/leaderboards/%3Cscript%3E", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void thePagesAreServerRenderedWithTheirSourcesAndPlots() throws Exception {
    JsonNode laptop = json("/api/leaderboards?type=laptop").path("types").get(0);
    JsonNode best = laptop.path("brands").get(0);
    long start = System.nanoTime();
    HttpResponse<String> page = get("/leaderboards/laptop", "text/html");
    double firstMs = (System.nanoTime() - start) / 1e6;
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("<caption id=\"brand-table-caption\">")
        .contains("<th scope=\"col\">Fix rate (95% interval)</th>")
        .contains("<svg role=\"img\"")
        .contains("<desc id=\"brand-fix-desc\">")
        .contains("CC BY-SA 4.0")
        .contains("Open Repair Alliance, Open Repair Data")
        .contains("too few reports")
        .contains(best.path("brand").asText())
        .contains(
            Math.round(best.path("fixRate").path("value").asDouble() * 100)
                + "% ("
                + Math.round(best.path("fixRate").path("low").asDouble() * 100)
                + "%–");
    // no script renders the figures: the only script is the search box's enhancement
    assertThat(html.split("<script", -1)).hasSize(2);
    HttpResponse<String> front = get("/leaderboards", "text/html");
    assertThat(front.body()).contains("href=\"/leaderboards/laptop\"").contains("CC BY-SA 4.0");
    assertThat(get("/", "text/html").body()).contains("href=\"/leaderboards\"");

    long[] ms = new long[21];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      assertThat(get("/leaderboards/laptop", "text/html").statusCode()).isEqualTo(200);
      ms[i] = (System.nanoTime() - t0) / 1000;
    }
    java.util.Arrays.sort(ms);
    long t0 = System.nanoTime();
    get("/api/leaderboards", "application/json");
    System.out.printf(
        "leaderboards page: first (reads the generation) %.1f ms, then median %.2f ms, max %.2f ms;"
            + " all types as JSON %.1f ms%n",
        firstMs,
        ms[ms.length / 2] / 1000.0,
        ms[ms.length - 1] / 1000.0,
        (System.nanoTime() - t0) / 1e6);
  }

  /** With JavaScript off the tables and plots are there; with it on, axe finds nothing serious. */
  @Test
  void thePagesPassAxeAndWorkWithoutJavaScript() throws Exception {
    try (Browser noJs = new Browser(dir.resolve("chromium-nojs"), false)) {
      WebDriver d = noJs.driver;
      d.get(uri("/").toString());
      d.findElement(By.linkText("Leaderboards")).click();
      assertThat(d.findElement(By.tagName("h1")).getText())
          .isEqualTo("Brand and model leaderboards");
      d.findElement(By.linkText("Laptop")).click();
      assertThat(d.findElements(By.cssSelector("#brand-table tbody tr"))).hasSizeGreaterThan(5);
      assertThat(d.findElements(By.cssSelector("figure.plot svg"))).isNotEmpty();
    }
    try (Browser browser = new Browser(dir.resolve("chromium-js"), true)) {
      browser.driver.get(uri("/leaderboards").toString());
      browser.assertAccessible("the leaderboards");
      browser.driver.get(uri("/leaderboards/laptop").toString());
      browser.assertAccessible("the laptop leaderboard");
    }
  }

  // --- the independent count ---

  /**
   * The laptop brands of this file and the names and product lines each is written as (brands.yaml
   * says the same in its own words; this list is written out for the count).
   */
  static final Map<String, List<String>> LAPTOP_BRANDS =
      Map.of(
          "Apple", List.of("apple", "macbook", "macbook pro", "macbook air", "powerbook", "ibook"),
          "Lenovo", List.of("lenovo", "thinkpad", "ideapad", "yoga"),
          "Acer", List.of("acer"),
          "HP",
              List.of(
                  "hp", "hewlett packard", "hewlett-packard", "pavilion", "elitebook", "probook"),
          "Toshiba", List.of("toshiba"),
          "Dell", List.of("dell"),
          "Asus", List.of("asus"),
          "Sony", List.of("sony"),
          "Samsung", List.of("samsung", "galaxy tab"));

  /**
   * The brand of a laptop report: the first of {@link #LAPTOP_BRANDS} named in its brand column
   * (ORDS writes "Unknown" for none) followed by its problem text, as whole words; "" for none.
   * "HP" followed by "power" is horsepower, not the brand.
   */
  static String laptopBrand(Map<String, String> r) {
    String column = r.get("brand").equalsIgnoreCase("unknown") ? "" : r.get("brand");
    String text =
        " "
            + (column + " " + r.get("problem"))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
            + " ";
    int first = Integer.MAX_VALUE;
    String brand = "";
    for (var e : LAPTOP_BRANDS.entrySet()) {
      for (String name : e.getValue()) {
        String phrase = " " + name.replace('-', ' ') + " ";
        int at = text.indexOf(phrase);
        while (at >= 0 && name.equals("hp") && notTheBrand(text, at + phrase.length() - 1)) {
          at = text.indexOf(phrase, at + 1);
        }
        if (at >= 0 && at < first) {
          first = at;
          brand = e.getKey();
        }
      }
    }
    return brand;
  }

  private static int outcome(Map<String, String> r) {
    return switch (r.get("repair_status")) {
      case "Fixed" -> 0;
      case "Repairable" -> 1;
      case "End of life" -> 2;
      default -> 3;
    };
  }

  private static boolean notTheBrand(String text, int after) {
    for (String word : List.of(" hp ", " horsepower ", " power ")) {
      if (text.startsWith(word, after)) return true;
    }
    return false;
  }

  /** Wilson's score interval at 95% (Wilson 1927), written out again here. */
  private static double[] wilson(long x, long n) {
    double z = 1.959963984540054;
    double p = (double) x / n;
    double centre = p + z * z / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    double d = 1 + z * z / n;
    return new double[] {Math.max(0, (centre - spread) / d), Math.min(1, (centre + spread) / d)};
  }

  /** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        row.add(field.toString());
        field.setLength(0);
        out.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      out.add(row);
    }
    return out;
  }

  private static void writeCsv(BufferedWriter out, List<String> fields) throws Exception {
    List<String> quoted = new ArrayList<>();
    for (String f : fields) quoted.add("\"" + f.replace("\"", "\"\"") + "\"");
    out.write(String.join(",", quoted));
    out.write("\n");
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path, "application/json");
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }
}
