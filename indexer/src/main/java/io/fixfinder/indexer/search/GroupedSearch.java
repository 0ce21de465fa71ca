package io.fixfinder.indexer.search;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.view.IssueSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Search as people see it: the {@link Searcher}'s ranking, re-ranked by "did this fix it?" votes,
 * with its hits grouped by issue cluster. The first {@value #WINDOW} hits are the window: votes
 * re-order within it, and the issues its hits belong to become the page's groups, each with its
 * best record per source kind (taken from the window, else the cluster's own top record of that
 * kind). Past the window, records keep the searcher's order. Every page is a slice of that one
 * order, whatever its size: the window is re-ranked the same way for page 1 and page 9, so walking
 * the pages shows each record once, and the first page carries the groups whatever its size.
 *
 * <p>Votes move a record by a factor between 0.75 and 1.25 ({@code 0.75 + 0.5 * score}, where the
 * score is the smoothed share of "yes" votes, 0.5 without votes): enough to lift a record that
 * people confirm over an equal one nobody confirmed, not enough to bury a strong text match under a
 * popular but unrelated one. See docs/ranking.md.
 */
public final class GroupedSearch {
  public static final int WINDOW = 30;
  public static final int MAX_GROUPS = 5;

  /**
   * A hashtag's intent lifts the records that serve it: #fixed or #repair the records that report a
   * fix, #refund or #warranty the reviews and product pages.
   */
  static final double INTENT_BOOST = 1.3;

  /** Damping of rank in a group's score: a group of many mid-ranked hits beats one top hit. */
  private static final int RANK_DAMPING = 10;

  private final RankedWindows windows;
  private final IssueSource issues;
  private final FeedbackSignals feedback;
  private final Lexicon lexicon;
  private final java.time.Clock clock;

  public GroupedSearch(
      Searcher searcher,
      IssueSource issues,
      FeedbackSignals feedback,
      RecordLookup records,
      Lexicon lexicon,
      java.time.Clock clock) {
    this(searcher.windows(records), issues, feedback, lexicon, clock);
  }

  /**
   * Over any engine's windows ({@link Searcher#windows} for the embedded index, {@link
   * ExternalWindow} for OpenSearch).
   */
  public GroupedSearch(
      RankedWindows windows,
      IssueSource issues,
      FeedbackSignals feedback,
      Lexicon lexicon,
      java.time.Clock clock) {
    this.windows = java.util.Objects.requireNonNull(windows, "windows");
    this.issues = issues;
    this.feedback = feedback;
    this.lexicon = lexicon;
    this.clock = clock;
  }

  /** With the built-in lexicon and the system clock. */
  public GroupedSearch(
      Searcher searcher, IssueSource issues, FeedbackSignals feedback, RecordLookup records) {
    this(searcher, issues, feedback, records, Lexicon.builtIn(), java.time.Clock.systemUTC());
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    int from = (request.page() - 1) * request.size();
    int to = request.page() * request.size();
    // A scoped request sees only the clusters its scope admits as a whole.
    IssueSource issues = this.issues.within(request.scope());
    // One order for every page: the window re-ranked, then the searcher's order past it.
    Searcher.Window window = windows.window(request, Math.max(WINDOW, to));
    SearchResponse header = window.header();
    List<String> intents = lexicon.intentsOf(header.interpretation().hashtags());
    List<SearchResponse.Hit> skeletons = new ArrayList<>(window.candidates().size());
    for (Searcher.Candidate c : window.candidates()) skeletons.add(skeleton(c));
    int head = Math.min(WINDOW, skeletons.size());
    List<SearchResponse.Hit> reranked = rerank(skeletons.subList(0, head), intents);
    List<SearchResponse.Hit> ranked =
        tag(
            concat(
                reranked, skeletons.subList(head, Math.max(head, Math.min(to, skeletons.size())))),
            issues);
    Grouping grouping =
        request.page() == 1 ? grouping(ranked.subList(0, head), issues) : Grouping.NONE;
    List<SearchResponse.Hit> page =
        ranked.subList(Math.min(from, ranked.size()), Math.min(to, ranked.size()));
    // Only what is shown is read back, in one pass: the page, the groups' best records from the
    // window, and each group's top record of the kinds the window lacked.
    Set<String> shown = new LinkedHashSet<>();
    page.forEach(h -> shown.add(h.id()));
    grouping
        .top()
        .forEach(c -> grouping.best().get(c.issue().id()).values().forEach(h -> shown.add(h.id())));
    List<Searcher.Candidate> wanted =
        window.candidates().stream().filter(c -> shown.contains(c.id())).toList();
    Map<String, SourceDoc> docs = new LinkedHashMap<>();
    // a group's top record of a missing kind is read by id: kept only when in scope
    windows
        .read(window, wanted, grouping.missing())
        .forEach(
            (id, d) -> {
              if (request.scope().admits(d.product())) docs.put(id, d);
            });
    List<SearchResponse.IssueGroup> groups = groups(grouping, docs);
    List<SearchResponse.Hit> pageHits = new ArrayList<>(page.size());
    for (SearchResponse.Hit h : page) materialise(h, docs, window.words()).ifPresent(pageHits::add);
    List<SearchResponse.IssueGroup> shownGroups = new ArrayList<>(groups.size());
    for (SearchResponse.IssueGroup g : groups) {
      Map<String, SearchResponse.Hit> best = new LinkedHashMap<>();
      g.best()
          .forEach(
              (kind, h) -> materialise(h, docs, window.words()).ifPresent(x -> best.put(kind, x)));
      shownGroups.add(
          new SearchResponse.IssueGroup(g.issue(), g.score(), g.matched(), best, g.confidence()));
    }
    return new SearchResponse(
        header.query(),
        header.interpretation().withIntents(intents),
        header.total(),
        request.page(),
        request.size(),
        shownGroups,
        pageHits,
        header.facets(),
        header.helpers(),
        header.answered(),
        header.restrictedTo(),
        header.noMatch());
  }

  /** A window candidate as a hit with only what re-ranking and grouping read (url empty). */
  private static SearchResponse.Hit skeleton(Searcher.Candidate c) {
    return new SearchResponse.Hit(
        c.id(),
        "",
        c.kind(),
        "",
        "",
        "",
        io.fixfinder.core.model.ProductRef.UNKNOWN,
        List.of(),
        List.of(),
        c.fixReported(),
        c.published(),
        c.score(),
        List.of(),
        new io.fixfinder.core.model.Details.None(),
        Optional.empty(),
        io.fixfinder.indexer.confidence.Confidence.rounded(c.confidence()));
  }

  /**
   * The full hit for a skeleton, keeping its score and issue; a hit already whole (a group's top
   * record read for a missing kind) as it is; empty when the record left the index meanwhile.
   */
  private static Optional<SearchResponse.Hit> materialise(
      SearchResponse.Hit h, Map<String, SourceDoc> docs, Set<String> words) {
    if (!h.url().isEmpty()) return Optional.of(h);
    SourceDoc doc = docs.get(h.id());
    if (doc == null) return Optional.empty();
    SearchResponse.Hit full = Searcher.hit(doc, h.score(), words).withConfidence(h.confidence());
    return Optional.of(h.issue().isPresent() ? full.withIssue(h.issue().get()) : full);
  }

  private static List<SearchResponse.Hit> concat(
      List<SearchResponse.Hit> a, List<SearchResponse.Hit> b) {
    List<SearchResponse.Hit> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private List<SearchResponse.Hit> rerank(List<SearchResponse.Hit> hits, List<String> intents) {
    boolean repair = intents.contains("repair");
    boolean refund = intents.contains("refund");
    List<SearchResponse.Hit> out = new ArrayList<>(hits.size());
    for (SearchResponse.Hit h : hits) {
      double factor = 0.75 + 0.5 * feedback.tally(FeedbackItem.doc(h.id()).key()).score();
      factor *= freshness(h.published());
      if (repair && h.fixReported()) factor *= INTENT_BOOST;
      if (refund && (h.kind().equals("review") || h.kind().equals("product"))) {
        factor *= INTENT_BOOST;
      }
      out.add(h.withScore(h.score() * factor));
    }
    out.sort(Comparator.comparingDouble(SearchResponse.Hit::score).reversed());
    return out;
  }

  /**
   * A mild lift for recent records, {@code 0.97 + 0.06 × 0.5^(age / 3 years)}: 1.03 for today's,
   * 1.0 at three years, 0.97 for the oldest. Mild on purpose: a ten-year-old thread about a
   * ten-year-old model is as right as ever; recency matters for firmware and app faults, and breaks
   * ties between equal answers. Records of unknown date are left alone.
   */
  double freshness(java.time.Instant published) {
    if (published.equals(java.time.Instant.EPOCH)) return 1;
    double years =
        Math.max(0, java.time.Duration.between(published, clock.instant()).toDays() / 365.25);
    return 0.97 + 0.06 * Math.pow(0.5, years / 3);
  }

  private static List<SearchResponse.Hit> tag(List<SearchResponse.Hit> hits, IssueSource issues) {
    List<SearchResponse.Hit> out = new ArrayList<>(hits.size());
    for (SearchResponse.Hit h : hits) {
      Optional<String> issue = issues.clusterOf(h.id());
      out.add(issue.isPresent() ? h.withIssue(issue.get()) : h);
    }
    return out;
  }

  /**
   * The issues of the window's hits that make the page's groups, best first, each with its best
   * window hit per kind, and the ids of the clusters' top records of the kinds the window lacked
   * (read with the page, then added by {@link #groups(Grouping, Map)}).
   */
  private record Grouping(
      List<GroupCandidate> top,
      Map<String, Map<String, SearchResponse.Hit>> best,
      Set<String> missing) {
    static final Grouping NONE = new Grouping(List.of(), Map.of(), Set.of());
  }

  private Grouping grouping(List<SearchResponse.Hit> ranked, IssueSource issues) {
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, Integer> matched = new LinkedHashMap<>();
    Map<String, Double> confidence = new LinkedHashMap<>();
    Map<String, Map<String, SearchResponse.Hit>> best = new LinkedHashMap<>();
    for (int rank = 0; rank < ranked.size(); rank++) {
      SearchResponse.Hit h = ranked.get(rank);
      if (h.issue().isEmpty()) continue;
      String id = h.issue().get();
      score.merge(id, 1.0 / (RANK_DAMPING + rank + 1), Double::sum);
      matched.merge(id, 1, Integer::sum);
      confidence.merge(id, h.confidence(), Math::max);
      best.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(h.kind(), h);
    }
    List<GroupCandidate> candidates = new ArrayList<>();
    for (Map.Entry<String, Double> e : score.entrySet()) {
      Optional<IssueCluster> issue = issues.get(e.getKey());
      if (issue.isEmpty()) continue;
      int n = matched.get(e.getKey());
      // one matching record of a cluster of one or two is a hit, not an issue worth a group
      if (n < 2 && issue.get().size() < 3) continue;
      double votes = issues.votes(e.getKey(), feedback).score();
      candidates.add(
          new GroupCandidate(
              issue.get(), e.getValue() * (0.75 + 0.5 * votes), n, confidence.get(e.getKey())));
    }
    candidates.sort(
        Comparator.comparingDouble(GroupCandidate::score)
            .reversed()
            .thenComparing(c -> c.issue().id()));
    List<GroupCandidate> top = candidates.subList(0, Math.min(MAX_GROUPS, candidates.size()));
    // Complete each group with its cluster's top record of the kinds the window lacked.
    Set<String> missing = new LinkedHashSet<>();
    for (GroupCandidate c : top) {
      Map<String, SearchResponse.Hit> have = best.get(c.issue().id());
      c.issue()
          .topDocs()
          .forEach(
              (kind, doc) -> {
                if (!have.containsKey(kind)) missing.add(doc);
              });
    }
    return new Grouping(top, best, missing);
  }

  /** The groups, each completed with its cluster's top records of kinds the window lacked. */
  private static List<SearchResponse.IssueGroup> groups(
      Grouping grouping, Map<String, SourceDoc> extra) {
    List<SearchResponse.IssueGroup> groups = new ArrayList<>();
    for (GroupCandidate c : grouping.top()) {
      Map<String, SearchResponse.Hit> kinds =
          new LinkedHashMap<>(grouping.best().get(c.issue().id()));
      c.issue()
          .topDocs()
          .forEach(
              (kind, doc) -> {
                SourceDoc d = extra.get(doc);
                if (!kinds.containsKey(kind) && d != null)
                  kinds.put(kind, Searcher.hit(d, 0, Set.of()).withIssue(c.issue().id()));
              });
      groups.add(
          new SearchResponse.IssueGroup(c.issue(), c.score(), c.matched(), kinds, c.confidence()));
    }
    return groups;
  }

  /** A group's confidence is its best record's: the chance that the issue holds an answer. */
  private record GroupCandidate(IssueCluster issue, double score, int matched, double confidence) {}
}
