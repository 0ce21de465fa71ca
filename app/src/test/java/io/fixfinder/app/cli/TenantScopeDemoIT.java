package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.tenants.IssuedKeys;
import io.fixfinder.store.tenants.TenantRules;
import io.fixfinder.store.tenants.TenantSpec;
import io.fixfinder.store.tenants.TenantStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A company's key over the served demo (hybrid search, issue clusters, helpers), as {@code
 * fixfinder demo} runs it: an Aqualine key never sees Kesseler, the other washing-machine brand, on
 * any endpoint: not in hits, issue groups, totals or facets of a search, not in suggestions, not as
 * an issue, product, vote target or helper query.
 */
class TenantScopeDemoIT {
  static ServedDemo demo;
  static String key;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String DRAIN = "washing machine won't drain";

  @BeforeAll
  static void serve() throws Exception {
    demo = ServedDemo.get();
    try (Database db = Database.open("jdbc:sqlite:" + demo.dataDir().resolve("fixfinder.db"))) {
      IssuedKeys keys =
          new TenantStore(db, SecretKeys.load(demo.dataDir()), Clock.systemUTC())
              .create(
                  new TenantRules(Lexicon.builtIn())
                      .check(
                          new TenantSpec(
                              "Aqualine Support",
                              List.of("Aqualine"),
                              List.of(),
                              List.of("http://127.0.0.1:47999"),
                              100_000,
                              1_000_000)));
      key = keys.publishableKey();
    }
  }

  static HttpResponse<String> get(String path, boolean keyed) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path));
    if (keyed) b.header("X-Api-Key", key);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String path, boolean keyed) throws Exception {
    HttpResponse<String> r = get(path, keyed);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** What a response shows of records and issues: hits, groups and facets (not the query echo). */
  static String shown(JsonNode r) {
    return r.path("hits").toString() + r.path("issues") + r.path("facets");
  }

  @Test
  void searchHitsGroupsTotalsAndFacetsHoldOnlyTheTenantsBrand() throws Exception {
    JsonNode all = json("/api/search?q=" + q(DRAIN) + "&size=50", false);
    assertThat(names(all.at("/facets/brand")))
        .as("the demo has both brands")
        .contains("Aqualine", "Kesseler");
    for (String query : List.of(DRAIN, "Kesseler WAK-2840 F21 drain fault", "wont drain E18")) {
      JsonNode r = json("/api/search?q=" + q(query) + "&size=50", true);
      for (JsonNode hit : r.path("hits")) {
        assertThat(hit.at("/product/brand").asText())
            .as(hit.path("url").asText())
            .isEqualTo("Aqualine");
      }
      for (JsonNode group : r.path("issues")) {
        assertThat(group.at("/issue/scope/brand").asText()).isEqualTo("Aqualine");
        for (JsonNode best : group.path("best")) {
          assertThat(best.at("/product/brand").asText()).isEqualTo("Aqualine");
        }
      }
      assertThat(names(r.at("/facets/brand"))).as(query).isSubsetOf("Aqualine");
      // (an Aqualine record's own text may name Kesseler, as the drain-filter guide does: what
      // must not appear is a Kesseler record, issue or count)
      assertThat(r.path("facets").toString()).as(query).doesNotContain("Kesseler");
      // every record counted is Aqualine's: the brand facet's one count is the total
      if (r.path("total").asLong() > 0) {
        assertThat(r.at("/facets/brand/Aqualine").asLong()).isEqualTo(r.path("total").asLong());
      }
    }
    JsonNode scoped = json("/api/search?q=" + q(DRAIN), true);
    assertThat(scoped.path("total").asLong()).isPositive().isLessThan(all.path("total").asLong());
    assertThat(scoped.path("issues")).as("Aqualine's own drain issue is grouped").isNotEmpty();
    // brand= narrows within the scope, never widens it
    JsonNode widened = json("/api/search?q=" + q(DRAIN) + "&brand=Kesseler", true);
    assertThat(widened.path("total").asLong()).isZero();
    assertThat(shown(widened)).doesNotContain("WAK-2840");
  }

  @Test
  void suggestionsAreOnlyTheTenantsBrandAndModels() throws Exception {
    assertThat(json("/api/suggest?q=kes", false).path("completions").toString())
        .contains("Kesseler");
    assertThat(json("/api/suggest?q=kes", true).path("completions")).isEmpty();
    assertThat(json("/api/suggest?q=wak", true).path("completions")).isEmpty();
    assertThat(json("/api/suggest?q=" + q("washing machine f2"), true).toString())
        .doesNotContain("F21");
    assertThat(json("/api/suggest?q=aqua", true).path("completions").toString())
        .contains("Aqualine");
    assertThat(json("/api/suggest?q=kesler", true).path("didYouMean").asText())
        .doesNotContain("Kesseler");
  }

  @Test
  void issuesProductsFeedbackAndHelpersOutsideTheScopeDoNotExist() throws Exception {
    JsonNode competitor = json("/api/search?q=" + q("Kesseler WAK-2840 F21 drain fault"), false);
    String kesselerIssue = null;
    for (JsonNode g : competitor.path("issues")) {
      if (g.at("/issue/scope/brand").asText().equals("Kesseler")) {
        kesselerIssue = g.at("/issue/id").asText();
        break;
      }
    }
    assertThat(kesselerIssue).as("the demo groups a Kesseler issue").isNotNull();
    assertThat(get("/api/issues/" + kesselerIssue, false).statusCode()).isEqualTo(200);
    assertThat(get("/api/issues/" + kesselerIssue, true).statusCode()).isEqualTo(404);

    String aqualineIssue =
        json("/api/search?q=" + q(DRAIN + " E18"), true).at("/issues/0/issue/id").asText();
    JsonNode page = json("/api/issues/" + aqualineIssue + "?related=20", true);
    assertThat(page.at("/issue/scope/brand").asText()).isEqualTo("Aqualine");
    for (JsonNode related : page.path("related")) {
      assertThat(related.at("/scope/brand").asText()).isEqualTo("Aqualine");
    }
    for (JsonNode kind : page.path("records")) {
      for (JsonNode m : kind.path("shown"))
        assertThat(m.at("/product/brand").asText()).isEqualTo("Aqualine");
    }
    assertThat(page.path("faultArea").isNull()).as("fault areas count every brand").isTrue();

    assertThat(get("/api/products/kesseler-wak2840", false).statusCode()).isEqualTo(200);
    assertThat(get("/api/products/kesseler-wak2840", true).statusCode()).isEqualTo(404);
    JsonNode product = json("/api/products/aqualine-wm8420x", true);
    for (JsonNode issue : product.path("topIssues")) {
      assertThat(issue.at("/issue/scope/brand").asText()).isEqualTo("Aqualine");
    }

    // a vote on the competitor's issue is as unknown as a vote on nothing (no vote is stored)
    HttpResponse<String> vote =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/api/feedback"))
                .header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"item\": \"issue:" + kesselerIssue + "\", \"answer\": \"yes\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(vote.statusCode()).as(vote.body()).isEqualTo(422);
    assertThat(vote.body()).contains("unknown-item");

    assertThat(json("/api/helpers?brand=Kesseler", true).path("count").asInt()).isZero();
    assertThat(json("/api/helpers?issue=" + kesselerIssue, true).path("count").asInt()).isZero();
    assertThat(json("/api/helpers?model=WAK-2840", true).path("count").asInt()).isZero();
  }

  /**
   * What the scope costs a search: the same distinct queries (each once, so the search cache does
   * not answer) with and without the key, median and slowest printed. The scoped view is made per
   * search from the scope's postings, so it must stay in the same range as an unscoped search.
   */
  @Test
  void aScopedSearchCostsAboutWhatAnUnscopedOneDoes() throws Exception {
    List<String> faults =
        List.of(
            "won't drain",
            "door won't open",
            "not heating",
            "leaking water",
            "error code",
            "noisy spin",
            "won't start",
            "no power",
            "smells burnt",
            "stops mid cycle",
            "water left in drum",
            "filter blocked",
            "pump noise",
            "not spinning",
            "display blank");
    json("/api/search?q=warm+up", true);
    json("/api/search?q=warm+up", false);
    long[] scoped = new long[faults.size()];
    long[] open = new long[faults.size()];
    for (int i = 0; i < faults.size(); i++) {
      long t0 = System.nanoTime();
      json("/api/search?q=" + q("washing machine " + faults.get(i)), true);
      long t1 = System.nanoTime();
      json("/api/search?q=" + q("washing machine " + faults.get(i) + " please"), false);
      long t2 = System.nanoTime();
      scoped[i] = t1 - t0;
      open[i] = t2 - t1;
    }
    java.util.Arrays.sort(scoped);
    java.util.Arrays.sort(open);
    double scopedMedian = scoped[scoped.length / 2] / 1e6;
    double openMedian = open[open.length / 2] / 1e6;
    System.out.printf(
        java.util.Locale.ROOT,
        "demo search over HTTP, %d distinct queries: scoped median %.1f ms (max %.1f),"
            + " unscoped median %.1f ms (max %.1f)%n",
        faults.size(),
        scopedMedian,
        scoped[scoped.length - 1] / 1e6,
        openMedian,
        open[open.length - 1] / 1e6);
    assertThat(scopedMedian).isLessThan(3 * openMedian + 20);
  }
}
