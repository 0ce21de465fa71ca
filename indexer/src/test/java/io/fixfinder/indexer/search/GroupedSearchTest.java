package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.feedback.TallySnapshot;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.view.IssueSource;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping and feedback re-ranking over a real on-disk index. */
class GroupedSearchTest {
  @TempDir static Path dir;
  static IndexStore store;
  static Searcher searcher;
  static RecordLookup lookup;
  static final MapIssues ISSUES = new MapIssues();

  static final SourceDoc MANUAL =
      SearcherTest.doc(
          "http://m/wm8420x#e18",
          SourceKind.MANUAL,
          "Aqualine WM-8420X manual — E18 Water does not drain",
          "E18 Water does not drain. Cause: drain pump filter blocked. Clean the pump filter.",
          new Details.ManualSection(
              "http://m/wm.pdf", "WM-8420X manual", 3, "E18", "filter", "clean"));
  static final SourceDoc THREAD =
      SearcherTest.doc(
          "http://f/e18",
          SourceKind.FORUM,
          "WM8420X E18 wont drain, water stuck in drum",
          "My Aqualine washer shows E18 and won't drain. Cleaned the pump filter, that fixed it.",
          new Details.Thread("E18", 3, 4, "Clean the filter", 47, 47));
  static final SourceDoc VIDEO =
      SearcherTest.doc(
          "http://v/e18",
          SourceKind.VIDEO,
          "Aqualine WM 8420X E18 fix: drain pump filter",
          "How to clear the drain pump filter when the washing machine won't drain.",
          new Details.Video("Zq7dR2xK9fA", "Fix", 511, 20_000, 300, List.of()));
  static final SourceDoc REVIEW =
      SearcherTest.doc(
          "http://r/1",
          SourceKind.REVIEW,
          "Drains badly after a year",
          "Aqualine WM-8420X stopped emptying, error E18 every other wash.",
          new Details.Review(2, 5, "anna", "Aqualine WM-8420X"));
  static final SourceDoc DOOR_A =
      SearcherTest.doc(
          "http://f/door1",
          SourceKind.FORUM,
          "Aqualine WM-8420X door won't open after wash",
          "The door stays locked after the wash finishes.",
          new Details.Thread("door", 1, 2, "", 0, 3));
  static final SourceDoc DOOR_B =
      SearcherTest.doc(
          "http://f/door2",
          SourceKind.FORUM,
          "Aqualine WM-8420X door won't open after wash",
          "The door stays locked after the wash finishes.",
          new Details.Thread("door", 1, 2, "", 0, 3));

  @BeforeAll
  static void index() throws Exception {
    List<SourceDoc> docs = List.of(MANUAL, THREAD, VIDEO, REVIEW, DOOR_A, DOOR_B);
    Indexer.rebuild(dir, 16, docs, new PrintStream(OutputStream.nullOutputStream()));
    store = IndexStore.open(dir, 16);
    searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
    lookup = new RecordLookup(store.searchers());
    ProductRef wm = new ProductRef("washing-machine", "Aqualine", "WM-8420X");
    ISSUES.add(
        cluster(
            "iss-drain",
            "Won't drain (E18)",
            wm,
            4,
            Map.of(
                "manual",
                MANUAL.id(),
                "forum",
                THREAD.id(),
                "video",
                VIDEO.id(),
                "review",
                REVIEW.id())),
        MANUAL,
        THREAD,
        VIDEO,
        REVIEW);
    ISSUES.add(
        cluster("iss-door", "Door won't open", wm, 2, Map.of("forum", DOOR_A.id())),
        DOOR_A,
        DOOR_B);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
  }

  static IssueCluster cluster(
      String id, String label, ProductRef scope, int size, Map<String, String> top) {
    return new IssueCluster(
        id, label, scope, List.of(), List.of(), size, Map.of(), null, top, Instant.EPOCH, null);
  }

  @Test
  void theDrainFaultIsOneGroupWithItsBestRecordPerKind() throws Exception {
    GroupedSearch search = new GroupedSearch(searcher, ISSUES, FeedbackSignals.none(), lookup);
    SearchResponse r = search.search(SearchRequest.of("wont drain WM-8420X"));
    assertThat(r.issues()).isNotEmpty();
    SearchResponse.IssueGroup first = r.issues().getFirst();
    assertThat(first.issue().id()).isEqualTo("iss-drain");
    assertThat(first.best().keySet())
        .containsExactlyInAnyOrder("manual", "forum", "video", "review");
    assertThat(first.best().get("forum").id()).isEqualTo(THREAD.id());
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.issue()).isPresent());
    assertThat(
            r.hits().stream()
                .filter(h -> h.id().equals(MANUAL.id()))
                .findFirst()
                .orElseThrow()
                .issue())
        .contains("iss-drain");
  }

  @Test
  void aGroupIsCompletedWithItsClusterTopRecordOfMissingKinds() throws Exception {
    GroupedSearch search = new GroupedSearch(searcher, ISSUES, FeedbackSignals.none(), lookup);
    // The query matches the forum thread and the manual, not the review's wording.
    SearchResponse r = search.search(SearchRequest.of("pump filter blocked"));
    SearchResponse.IssueGroup drain =
        r.issues().stream()
            .filter(g -> g.issue().id().equals("iss-drain"))
            .findFirst()
            .orElseThrow();
    assertThat(drain.best()).containsKey("review");
    assertThat(drain.best().get("review").id()).isEqualTo(REVIEW.id());
  }

  @Test
  void votesReorderEqualRecords() throws Exception {
    TallySnapshot votes = new TallySnapshot();
    GroupedSearch search = new GroupedSearch(searcher, ISSUES, votes, lookup);
    List<String> before = ids(search.search(SearchRequest.of("door won't open")));
    String first = before.get(0);
    String second = before.get(1);
    assertThat(List.of(first, second)).containsExactlyInAnyOrder(DOOR_A.id(), DOOR_B.id());
    votes.put(FeedbackItem.doc(first).key(), new Tally(0, 12, 0));
    votes.put(FeedbackItem.doc(second).key(), new Tally(9, 0, 1));
    List<String> after = ids(search.search(SearchRequest.of("door won't open")));
    assertThat(after.subList(0, 2)).containsExactly(second, first);
  }

  @Test
  void hashtagsAreReadAsIntent() throws Exception {
    GroupedSearch search = new GroupedSearch(searcher, ISSUES, FeedbackSignals.none(), lookup);
    SearchResponse plain = search.search(SearchRequest.of("aqualine wm-8420x e18"));
    SearchResponse refund = search.search(SearchRequest.of("aqualine wm-8420x e18 #refund"));
    assertThat(refund.interpretation().intents()).containsExactly("refund");
    assertThat(plain.interpretation().intents()).isEmpty();
    // the review is lifted by the intent's factor; a thread is not
    assertThat(score(refund, REVIEW) / score(plain, REVIEW))
        .isCloseTo(GroupedSearch.INTENT_BOOST, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(score(refund, THREAD)).isEqualTo(score(plain, THREAD));
    SearchResponse repair = search.search(SearchRequest.of("aqualine wm-8420x #fixed"));
    assertThat(repair.interpretation().intents()).containsExactly("repair");
    assertThat(repair.hits().getFirst().fixReported()).isTrue();
  }

  @Test
  void freshnessIsAMildLift() {
    java.time.Clock now =
        java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    GroupedSearch search =
        new GroupedSearch(
            searcher,
            ISSUES,
            FeedbackSignals.none(),
            lookup,
            io.fixfinder.core.understand.Lexicon.builtIn(),
            now);
    assertThat(search.freshness(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(1.03);
    assertThat(search.freshness(Instant.parse("2023-01-01T00:00:00Z")))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(search.freshness(Instant.parse("1996-01-01T00:00:00Z"))).isBetween(0.97, 0.971);
    assertThat(search.freshness(Instant.EPOCH)).isEqualTo(1.0);
  }

  @Test
  void aWindowReadAfterARefreshFindsItsRecordsById() throws Exception {
    Searcher.Window window = searcher.window(SearchRequest.of("wont drain WM-8420X"), 10);
    assertThat(window.candidates()).isNotEmpty();
    Map<String, SourceDoc> before = searcher.read(window, window.candidates(), lookup);
    store.put(SearcherTest.doc("http://f/new", SourceKind.FORUM, "kettle", "kettle", null));
    store.commit(); // a new view: the window's doc ids may no longer be valid
    Map<String, SourceDoc> after = searcher.read(window, window.candidates(), lookup);
    assertThat(after).isEqualTo(before);
    assertThat(after.keySet())
        .containsExactlyInAnyOrderElementsOf(
            window.candidates().stream().map(Searcher.Candidate::id).toList());
  }

  @Test
  void laterPagesHaveNoGroupsButTaggedHits() throws Exception {
    GroupedSearch search = new GroupedSearch(searcher, ISSUES, FeedbackSignals.none(), lookup);
    SearchResponse r =
        search.search(
            new SearchRequest(
                "aqualine", Optional.empty(), Optional.empty(), Optional.empty(), 2, 2));
    assertThat(r.issues()).isEmpty();
    assertThat(r.hits()).hasSize(2).allSatisfy(h -> assertThat(h.issue()).isPresent());
  }

  private static double score(SearchResponse r, SourceDoc d) {
    return r.hits().stream().filter(h -> h.id().equals(d.id())).findFirst().orElseThrow().score();
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::id).toList();
  }

  /** Clusters held in maps: the smallest real {@link IssueSource}. */
  static final class MapIssues implements IssueSource {
    private final Map<String, IssueCluster> clusters = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, String> byDoc = new HashMap<>();

    void add(IssueCluster c, SourceDoc... docs) {
      clusters.put(c.id(), c);
      members.put(c.id(), java.util.Arrays.stream(docs).map(SourceDoc::id).toList());
      for (SourceDoc d : docs) byDoc.put(d.id(), c.id());
    }

    @Override
    public Optional<IssueCluster> get(String clusterId) {
      return Optional.ofNullable(clusters.get(clusterId));
    }

    @Override
    public Optional<String> clusterOf(String docId) {
      return Optional.ofNullable(byDoc.get(docId));
    }

    @Override
    public List<String> members(String clusterId) {
      return members.getOrDefault(clusterId, List.of());
    }

    @Override
    public List<IssueCluster> related(String clusterId, int n) {
      return clusters.values().stream().filter(c -> !c.id().equals(clusterId)).limit(n).toList();
    }
  }
}
