package io.fixfinder.indexer.view;

import io.fixfinder.core.feedback.FeedbackItem;
import io.fixfinder.core.feedback.FeedbackSignals;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.fix.Fix;
import io.fixfinder.indexer.fix.FixSummary;
import io.fixfinder.indexer.search.RecordReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One issue cluster in full: its fixes (what its sources say to do, grouped, best supported first),
 * its records by source kind (best first), fix statistics from the records, from repair events and
 * from "did this fix it?" votes, the people who had it (repair reports), and related issues of the
 * same product family.
 */
public final class IssueView {
  /** Records shown per kind; the page says how many there are in all. */
  public static final int MAX_PER_KIND = 50;

  public static final int MAX_PEOPLE = 100;

  /**
   * @param faultArea the fault area the issue belongs to, null when the clusters have none (added
   *     after the other fields: the page's JSON only gained a key)
   * @param fixes what its sources say to do, remedies that agree grouped, best supported first
   *     (added last, like faultArea)
   */
  public record Page(
      IssueCluster issue,
      Map<String, KindRecords> records,
      Stats stats,
      People people,
      List<IssueCluster> related,
      Area faultArea,
      List<Fix> fixes,
      List<Object> helpers) {
    /**
     * Without people who can help: the helper directory, when served, adds them with {@link
     * #withHelpers} ({@code helpers} came last, like faultArea: the JSON only gained a key).
     */
    public Page(
        IssueCluster issue,
        Map<String, KindRecords> records,
        Stats stats,
        People people,
        List<IssueCluster> related,
        Area faultArea,
        List<Fix> fixes) {
      this(issue, records, stats, people, related, faultArea, fixes, List.of());
    }

    public Page {
      helpers = List.copyOf(helpers);
    }

    /** The same page offering {@code found} as people who can help. */
    public Page withHelpers(List<?> found) {
      return new Page(issue, records, stats, people, related, faultArea, fixes, List.copyOf(found));
    }
  }

  /**
   * The fault area of an issue as the page shows it: its stable id, key in fault-areas.yaml, label,
   * and how many issue clusters and records it holds.
   */
  public record Area(String id, String key, String label, int issues, int size) {}

  public record KindRecords(int total, List<Member> shown) {}

  /**
   * A member record as shown on the issue page; text is plain (the client escapes it).
   *
   * @param site the host (and port) the record was crawled from
   * @param siteName the site as people read it ("FixIt Forum"), the host without its port when the
   *     site gave no name (added last: the JSON only gained a key)
   */
  public record Member(
      String id,
      String url,
      String site,
      String title,
      ProductRef product,
      List<String> errorCodes,
      boolean fixReported,
      Instant published,
      Details details,
      Tally feedback,
      String siteName) {}

  /**
   * @param outcomes fix evidence counted from the member records
   * @param feedback votes on the issue itself
   * @param feedbackFixRate share of those votes that report a fix ("partly" counts half); empty
   *     without votes
   */
  public record Stats(
      IssueCluster.Outcomes outcomes,
      java.util.OptionalDouble realWorldFixRate,
      Tally feedback,
      java.util.OptionalDouble feedbackFixRate) {}

  /** People who had this issue at a repair event, and what came of it. */
  public record People(int total, List<Report> shown) {}

  public record Report(
      String outcome, String category, String brand, int year, String country, String problem) {}

  private final RecordReader records;
  private final IssueSource issues;
  private final FeedbackSignals feedback;
  private final FixSummary fixSummary;
  private final io.fixfinder.indexer.search.Scope scope;

  /** Fixes grouped by words alone ({@link FixSummary#FixSummary()}). */
  public IssueView(RecordReader records, IssueSource issues, FeedbackSignals feedback) {
    this(records, issues, feedback, Optional.empty());
  }

  /**
   * Fixes grouped by the blend of sentence embeddings and words when {@code embedder} is given
   * ({@link FixSummary#FixSummary(Embedder)}, its statement vectors kept for every later view), by
   * words alone otherwise.
   */
  public IssueView(
      RecordReader records,
      IssueSource issues,
      FeedbackSignals feedback,
      Optional<? extends Embedder> embedder) {
    this(
        records,
        issues,
        feedback,
        io.fixfinder.indexer.search.Scope.ALL,
        embedder.<FixSummary>map(FixSummary::new).orElseGet(FixSummary::new));
  }

  private IssueView(
      RecordReader records,
      IssueSource issues,
      FeedbackSignals feedback,
      io.fixfinder.indexer.search.Scope scope,
      FixSummary fixSummary) {
    this.records = records;
    this.issues = issues.within(scope);
    this.feedback = feedback;
    this.scope = scope;
    this.fixSummary = fixSummary;
  }

  /** How fixes are grouped, and the statement vectors kept (for measurement and /metrics). */
  public FixSummary fixSummary() {
    return fixSummary;
  }

  /**
   * The issue pages a scope may see: an issue outside it does not exist, related issues are those
   * in it, member records outside it are left out, and fault areas are not shown (they count every
   * brand's issues).
   */
  public IssueView within(io.fixfinder.indexer.search.Scope scope) {
    // the scoped view shares the fix summary, and so the kept statement vectors
    return scope.limited() ? new IssueView(records, issues, feedback, scope, fixSummary) : this;
  }

  /** Whether an issue with this id exists (in this view's scope). */
  public boolean exists(String issueId) {
    return issues.get(issueId).isPresent();
  }

  private Map<String, SourceDoc> membersInScope(String issueId) throws IOException {
    Map<String, SourceDoc> all = records.byIds(issues.members(issueId));
    if (!scope.limited()) return all;
    Map<String, SourceDoc> in = new java.util.LinkedHashMap<>();
    all.forEach(
        (id, d) -> {
          if (scope.admits(d.product())) in.put(id, d);
        });
    return in;
  }

  /**
   * The issue's best supported fix, for a search result's card: the same as the first of {@link
   * Page#fixes()}; empty for an unknown issue or one whose records state no remedy.
   */
  public Optional<Fix> topFix(String issueId) throws IOException {
    Optional<IssueCluster> found = issues.get(issueId);
    if (found.isEmpty()) return Optional.empty();
    List<Fix> all = fixes(found.get(), membersInScope(issueId).values());
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private List<Fix> fixes(IssueCluster issue, Collection<SourceDoc> members) {
    return fixSummary.fixes(issue, members, id -> feedback.tally(FeedbackItem.doc(id).key()));
  }

  /** The issue alone, without its records: for pages that only name it (a helper's requests). */
  public Optional<IssueCluster> issue(String issueId) {
    return issues.get(issueId);
  }

  /** A fault area's label ("Water / drain / blockage"), for pages that name it. */
  public Optional<String> faultAreaLabel(String areaId) {
    return issues.faultArea(areaId).map(io.fixfinder.indexer.cluster.FaultArea::label);
  }

  public Optional<Page> page(String issueId, int relatedCount) throws IOException {
    Optional<IssueCluster> found = issues.get(issueId);
    if (found.isEmpty()) return Optional.empty();
    IssueCluster issue = found.get();
    Map<String, List<SourceDoc>> byKind = new TreeMap<>();
    Map<String, SourceDoc> memberDocs = membersInScope(issueId);
    for (SourceDoc d : memberDocs.values()) {
      byKind.computeIfAbsent(d.kind().id(), k -> new ArrayList<>()).add(d);
    }
    Map<String, KindRecords> shown = new TreeMap<>();
    List<Report> people = new ArrayList<>();
    int peopleTotal = 0;
    for (Map.Entry<String, List<SourceDoc>> e : byKind.entrySet()) {
      List<SourceDoc> docs = new ArrayList<>(e.getValue());
      docs.sort(BEST_FIRST);
      List<Member> members = new ArrayList<>();
      for (SourceDoc d : docs.subList(0, Math.min(MAX_PER_KIND, docs.size()))) {
        members.add(
            new Member(
                d.id(),
                d.url(),
                d.site(),
                d.title(),
                d.product(),
                d.errorCodes(),
                d.fixReported(),
                d.published(),
                d.details(),
                feedback.tally(FeedbackItem.doc(d.id()).key()),
                d.displaySite()));
      }
      shown.put(e.getKey(), new KindRecords(docs.size(), members));
      for (SourceDoc d : docs) {
        if (d.details() instanceof Details.RepairReport r) {
          peopleTotal++;
          if (people.size() < MAX_PEOPLE) {
            people.add(
                new Report(
                    r.outcome(),
                    r.category(),
                    d.product().brand(),
                    r.year(),
                    r.country(),
                    d.text()));
          }
        }
      }
    }
    // votes on the ids merged into this issue count for it (an old link's, a merged cluster's)
    Tally votes = issues.votes(issue.id(), feedback);
    Stats stats =
        new Stats(
            issue.outcomes(),
            issue.outcomes().realWorldFixRate(),
            votes,
            votes.total() == 0
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(votes.fixRate()));
    return Optional.of(
        new Page(
            issue,
            shown,
            stats,
            new People(peopleTotal, people),
            issues.related(issueId, relatedCount),
            issues
                .faultAreaOf(issueId)
                .map(a -> new Area(a.id(), a.key(), a.label(), a.issues().size(), a.size()))
                .orElse(null),
            fixes(issue, memberDocs.values())));
  }

  /**
   * Best first: records that report a fix, then by their own evidence (accepted votes, a remedy,
   * views, rating), then newest.
   */
  static final Comparator<SourceDoc> BEST_FIRST =
      Comparator.comparing(SourceDoc::fixReported)
          .thenComparingDouble(IssueView::evidence)
          .reversed()
          .thenComparing(SourceDoc::published, Comparator.reverseOrder())
          .thenComparing(SourceDoc::id);

  private static double evidence(SourceDoc d) {
    return switch (d.details()) {
      case Details.Thread t -> t.acceptedVotes() * 2.0 + t.topVotes();
      case Details.ManualSection m -> m.remedy().isEmpty() ? 0 : 1;
      case Details.Guide g -> g.steps().isEmpty() ? 0 : 1;
      case Details.Video v -> Math.log10(1 + v.views());
      case Details.Review r -> r.bestRating() > 0 ? r.rating() / r.bestRating() : 0;
      default -> 0;
    };
  }
}
