package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.search.TopFixes;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.feedback.Answer;
import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.feedback.FeedbackStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an issue's answers look like over the real server (issue 14): site names instead of hosts,
 * the best fix on the search card, "still broken" leading to the other fixes, and votes on a merged
 * issue's old id counted for the issue it was merged into.
 */
class IssueAnswersTest {
  static final String LIVE = "iss-live";
  static final String MERGED = "iss-merged";
  static final String NO_FIX = "iss-nofix";
  static final ProductRef WASHER = new ProductRef("washing-machine", "Aqualine", "WM-8420X");

  static final SourceDoc MANUAL =
      doc(
          "http://127.0.0.1:45795/manual#e18",
          SourceKind.MANUAL,
          "127.0.0.1:45795",
          "Aqualine Manuals",
          "Aqualine WM-8420X manual: E18 water does not drain",
          "E18 Water does not drain. Clean the drain pump filter.",
          new Details.ManualSection(
              "http://127.0.0.1:45795/wm.pdf",
              "WM-8420X manual",
              3,
              "E18 water does not drain",
              "Drain pump filter blocked",
              "Clean the drain pump filter."));
  static final SourceDoc THREAD =
      doc(
          "http://127.0.0.1:45796/t/1",
          SourceKind.FORUM,
          "127.0.0.1:45796",
          "FixIt Forum",
          "Aqualine WM-8420X E18 won't drain",
          "E18 and the drum stays full. The drain hose was kinked behind the machine.",
          new Details.Thread(
              "E18", 1, 2, "Straighten the kinked drain hose behind the machine.", 9, 9));
  static final SourceDoc REVIEW =
      doc(
          "http://127.0.0.1:45797/r/1",
          SourceKind.REVIEW,
          "127.0.0.1:45797",
          "Shop Reviews",
          "Aqualine WM-8420X rattles on spin",
          "Loud rattle on every spin cycle, E18 never shown.",
          new Details.Review(2, 5, "anna", "Aqualine WM-8420X"));

  @TempDir Path dir;
  IndexStore index;
  Database database;
  FeedbackStore feedback;
  ApiServer server;
  final HttpClient http = HttpClient.newHttpClient();
  MergedIssues issues;

  @BeforeEach
  void start() throws Exception {
    Indexer.rebuild(
        dir.resolve("index"),
        16,
        Optional.empty(),
        List.of(MANUAL, THREAD, REVIEW),
        new PrintStream(OutputStream.nullOutputStream()));
    index = IndexStore.open(dir.resolve("index"), 16);
    database = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"));
    feedback = new FeedbackStore(database, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
    issues = new MergedIssues();
    issues.add(cluster(LIVE, "Drain blocked (E18)", List.of("E18"), 3), MANUAL, THREAD);
    issues.add(cluster(NO_FIX, "Rattles on spin", List.of(), 3), REVIEW);
    issues.merged(MERGED, LIVE);
    server =
        new ApiServer(
                ApiServer.Backends.of(
                    index,
                    new Searcher(
                        index.searchers(),
                        KeyExtractor.builtIn(),
                        Optional.empty(),
                        Retrieval.BM25,
                        Fusion.LINEAR),
                    issues,
                    item -> issues.get(item.id()).isPresent(),
                    database,
                    feedback,
                    CrawlStats.fromFile(dir.resolve("crawl/last-run.json"))),
                ApiFixture.SETTINGS)
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    index.close();
    database.close();
  }

  @Test
  void pagesAndTheirJsonNameSitesNotHosts() throws Exception {
    JsonNode page = json(get("/api/issues/" + LIVE));
    assertThat(page.at("/records/forum/shown/0/siteName").asText()).isEqualTo("FixIt Forum");
    assertThat(page.at("/records/forum/shown/0/site").asText()).isEqualTo("127.0.0.1:45796");
    assertThat(page.at("/records/manual/shown/0/siteName").asText()).isEqualTo("Aqualine Manuals");
    assertThat(page.path("fixes").findValuesAsText("siteName"))
        .containsExactlyInAnyOrder("Aqualine Manuals", "FixIt Forum");
    String html = get("/issue/" + LIVE).body();
    // hosts stay in links only, never in what a person reads
    assertThat(html)
        .contains("<span>FixIt Forum</span>")
        .contains("(Aqualine Manuals)")
        .doesNotContain(">127.0.0.1")
        .doesNotContain("(127.0.0.1");

    JsonNode product = json(get("/api/products/aqualine-wm8420x"));
    assertThat(product.at("/ratings/0/site").asText()).isEqualTo("127.0.0.1:45797");
    assertThat(product.at("/ratings/0/siteName").asText()).isEqualTo("Shop Reviews");
    assertThat(get("/product/aqualine-wm8420x").body())
        .contains("<h3>Shop Reviews</h3>")
        .doesNotContain(">127.0.0.1")
        .doesNotContain("on 127.0.0.1");
  }

  @Test
  void eachIssueGroupCarriesItsIssuesBestFixOrNull() throws Exception {
    JsonNode fixes = json(get("/api/issues/" + LIVE)).path("fixes");
    assertThat(fixes.size()).isEqualTo(2);
    JsonNode search = json(get("/api/search?q=aqualine+E18+drain+rattle"));
    Map<String, JsonNode> byIssue = new HashMap<>();
    for (JsonNode g : search.path("issues")) byIssue.put(g.at("/issue/id").asText(), g);
    assertThat(byIssue).containsKeys(LIVE, NO_FIX);
    JsonNode top = byIssue.get(LIVE).path("topFix");
    assertThat(top.path("text").asText())
        .isEqualTo(fixes.at("/0/text").asText())
        .isEqualTo("Clean the drain pump filter.");
    assertThat(top.path("cause").asText()).isEqualTo("Drain pump filter blocked");
    assertThat(top.path("summary").asText()).isEqualTo(fixes.at("/0/support/summary").asText());
    assertThat(top.path("sources").asInt()).isEqualTo(1);
    // a review states no remedy: the key is there, and null
    assertThat(byIssue.get(NO_FIX).has("topFix")).isTrue();
    assertThat(byIssue.get(NO_FIX).path("topFix").isNull()).isTrue();

    String card = get("/?q=aqualine+E18+drain+rattle").body();
    assertThat(card)
        .contains("<b>Fix:</b> Clean the drain pump filter.")
        .contains("href=\"/issue/" + LIVE + "#fix-1\"")
        .contains(fixes.at("/0/support/summary").asText());
  }

  @Test
  void aLargeIssuesFixIsBuiltAfterTheSearchAndTheAnswerWithoutItIsNotKept() throws Exception {
    // the same issue, said to hold more records than a search waits for
    issues.add(
        cluster(LIVE, "Drain blocked (E18)", List.of("E18"), TopFixes.INLINE_MEMBERS + 1),
        MANUAL,
        THREAD);
    String q = "/api/search?q=aqualine+E18+drain";
    JsonNode first = issueGroup(json(get(q)), LIVE);
    assertThat(first.has("topFix")).isTrue();
    // built on the background thread; the first answer was not cached, so a repeat shows it
    JsonNode later = first;
    for (int i = 0; i < 100 && later.path("topFix").isNull(); i++) {
      Thread.sleep(50);
      later = issueGroup(json(get(q)), LIVE);
    }
    assertThat(later.at("/topFix/text").asText()).isEqualTo("Clean the drain pump filter.");
    assertThat(issueGroup(json(get(q)), LIVE).at("/topFix/text").asText())
        .isEqualTo("Clean the drain pump filter.");
  }

  @Test
  void aSearchThatLeftEveryTopFixToTheBackgroundIsTimedAsDeferredNotAsAHit() throws Exception {
    // both issues the query finds are larger than a search waits for, so it builds none itself
    issues.add(
        cluster(LIVE, "Drain blocked (E18)", List.of("E18"), TopFixes.INLINE_MEMBERS + 1),
        MANUAL,
        THREAD);
    issues.add(cluster(NO_FIX, "Rattles on spin", List.of(), TopFixes.INLINE_MEMBERS + 1), REVIEW);
    JsonNode first = issueGroup(json(get("/api/search?q=aqualine+E18+drain")), LIVE);
    assertThat(first.path("topFix").isNull()).isTrue();

    String metrics = get("/metrics").body();
    assertThat(topFixSearches(metrics, "deferred")).as(metrics).isEqualTo(1);
    assertThat(topFixSearches(metrics, "miss")).isZero();
    assertThat(topFixSearches(metrics, "hit")).isZero();
  }

  /** How many searches the top-fix timer counted under {@code cache}, from /metrics. */
  private static long topFixSearches(String metrics, String cache) {
    Matcher m =
        Pattern.compile(
                "(?m)^fixfinder_search_topfix_seconds_count\\{cache=\""
                    + cache
                    + "\"[^}]*} (\\S+)$")
            .matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void aVoteOnTheTopFixIsSeenByTheNextSearch() throws Exception {
    String q = "/api/search?q=aqualine+E18+drain";
    assertThat(issueGroup(json(get(q)), LIVE).at("/topFix/feedback/yes").asInt()).isZero();
    String item = "doc:" + MANUAL.id();
    assertThat(postJson("/api/feedback", vote(item, "yes")).statusCode()).isEqualTo(200);
    // the vote drops cached searches and their top fixes together
    assertThat(issueGroup(json(get(q)), LIVE).at("/topFix/feedback/yes").asInt()).isEqualTo(1);
  }

  @Test
  void stillBrokenOnAFixListsTheOtherFixesAndSaysNobodyCanHelpYet() throws Exception {
    String fixItem = "doc:" + MANUAL.id();
    HttpResponse<String> voted = postForm("/vote", fixItem, "no", "/issue/" + LIVE);
    assertThat(voted.statusCode()).isEqualTo(303);
    String location = voted.headers().firstValue("Location").orElseThrow();
    String html = get(location.substring(0, location.indexOf('#'))).body();
    int start = html.indexOf("still-broken");
    assertThat(start).as(html).isPositive();
    String notice = html.substring(start, html.indexOf("</div>", start));
    // the "no" re-orders the fixes; the notice links the other one where it now stands
    Matcher link =
        Pattern.compile(
                "href=\"#(fix-\\d)\">Straighten the kinked drain hose behind the machine.</a>")
            .matcher(notice);
    assertThat(link.find()).as(notice).isTrue();
    assertThat(notice)
        .contains("Other fixes to try:")
        .doesNotContain("Clean the drain pump filter")
        .contains("Nobody who can help in person has registered for this fault yet")
        .contains("href=\"/account/register\"")
        // nobody matched the fault, so none of its type either: the whole directory
        .contains("<a href=\"/helpers\">Browse everyone who helps</a>")
        .doesNotContain("coming to FixFinder soon");
    String target = html.substring(html.indexOf("id=\"" + link.group(1) + "\""));
    assertThat(target.substring(0, target.indexOf("</p>")))
        .contains("Straighten the kinked drain hose behind the machine.");
    assertThat(html).contains("Your answer today: still broken.");
  }

  @Test
  void votesOnAMergedIssuesOldIdCountForTheIssueItWasMergedInto() throws Exception {
    // cast before the merge, under the id that is an alias now
    feedback.vote(FeedbackItem.issue(MERGED), Answer.NO, "earlier-visitor");

    HttpResponse<String> r = postJson("/api/feedback", vote("issue:" + MERGED, "yes"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode counted = json(r);
    assertThat(counted.path("item").asText()).isEqualTo("issue:" + LIVE);
    assertThat(counted.path("yes").asInt()).isEqualTo(1);
    // stored for the live issue, not under the old id
    assertThat(feedback.tally("issue:" + LIVE).yes()).isEqualTo(1);
    assertThat(feedback.tally("issue:" + MERGED).yes()).isZero();

    for (String id : List.of(LIVE, MERGED)) {
      JsonNode page = json(get("/api/issues/" + id));
      assertThat(page.at("/issue/id").asText()).isEqualTo(LIVE);
      assertThat(page.at("/stats/feedback/yes").asInt()).as(id).isEqualTo(1);
      assertThat(page.at("/stats/feedback/no").asInt()).as(id).isEqualTo(1);
    }

    // the page's form on an old link: counted for the live issue, and the page says so
    HttpResponse<String> form = postForm("/vote", "issue:" + MERGED, "partly", "/issue/" + MERGED);
    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.headers().firstValue("Location").orElseThrow())
        .contains("voted=issue%3A" + LIVE)
        .endsWith("#vote-issue-" + LIVE);
    assertThat(feedback.tally("issue:" + LIVE).partly()).isEqualTo(1);
  }

  private static JsonNode issueGroup(JsonNode search, String id) {
    for (JsonNode g : search.path("issues")) if (g.at("/issue/id").asText().equals(id)) return g;
    throw new AssertionError("no group of " + id + " in " + search);
  }

  private static String vote(String item, String answer) {
    return "{\"item\":\"" + item + "\",\"answer\":\"" + answer + "\"}";
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "text/html,*/*").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String item, String answer, String back)
      throws Exception {
    String form =
        "item="
            + java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8)
            + "&answer="
            + answer
            + "&back="
            + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static SourceDoc doc(
      String url,
      SourceKind kind,
      String site,
      String siteName,
      String title,
      String text,
      Details details) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        kind,
        site,
        title,
        text,
        WASHER,
        title.contains("E18") ? List.of("E18") : List.of(),
        List.of(),
        kind != SourceKind.REVIEW,
        Instant.parse("2025-01-01T00:00:00Z"),
        details,
        List.of(),
        siteName,
        "");
  }

  static IssueCluster cluster(String id, String label, List<String> codes, int size) {
    return new IssueCluster(
        id, label, WASHER, codes, List.of(), size, Map.of(), null, Map.of(), Instant.EPOCH, null);
  }

  /** Clusters in maps, one merged into another as the cluster store merges duplicates. */
  static final class MergedIssues implements IssueSource {
    private final Map<String, IssueCluster> clusters = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, String> byDoc = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    void add(IssueCluster c, SourceDoc... docs) {
      clusters.put(c.id(), c);
      members.put(c.id(), java.util.Arrays.stream(docs).map(SourceDoc::id).toList());
      for (SourceDoc d : docs) byDoc.put(d.id(), c.id());
    }

    void merged(String from, String into) {
      aliases.put(from, into);
    }

    private String live(String id) {
      return aliases.getOrDefault(id, id);
    }

    @Override
    public Optional<IssueCluster> get(String clusterId) {
      return Optional.ofNullable(clusters.get(live(clusterId)));
    }

    @Override
    public Optional<String> clusterOf(String docId) {
      return Optional.ofNullable(byDoc.get(docId));
    }

    @Override
    public List<String> members(String clusterId) {
      return members.getOrDefault(live(clusterId), List.of());
    }

    @Override
    public List<IssueCluster> related(String clusterId, int n) {
      return List.of();
    }

    @Override
    public List<String> aliasesOf(String clusterId) {
      return aliases.entrySet().stream()
          .filter(e -> e.getValue().equals(clusterId))
          .map(Map.Entry::getKey)
          .toList();
    }
  }
}
