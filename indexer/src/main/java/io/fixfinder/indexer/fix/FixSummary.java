package io.fixfinder.indexer.fix;

import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an issue's fixes from its member records: reads each record's remedy ({@link Remedies}),
 * groups those that say the same thing ({@link RemedyGrouping}: a blend of sentence embeddings and
 * words when an embedder is given, words alone otherwise) and orders the groups by support. Nothing
 * is written: each fix quotes its most authoritative source.
 */
public final class FixSummary {
  /** Remedies considered per issue, the most authoritative first: grouping is quadratic. */
  public static final int MAX_REMEDIES = 120;

  private final RemedyGrouping grouping;
  private final Optional<RemedyVectors> vectors;

  /**
   * Grouping by {@code grouping}; one that blends in embeddings needs {@code vectors}.
   *
   * @throws IllegalArgumentException for a blend without vectors
   */
  public FixSummary(RemedyGrouping grouping, Optional<RemedyVectors> vectors) {
    if (grouping.usesVectors() && vectors.isEmpty())
      throw new IllegalArgumentException("a grouping that blends in embeddings needs vectors");
    this.grouping = grouping;
    this.vectors = vectors;
  }

  /** Grouping by words alone ({@code grouping} must not need vectors). */
  public FixSummary(RemedyGrouping grouping) {
    this(grouping, Optional.empty());
  }

  /**
   * The shipped blend of embeddings and words ({@link RemedyGrouping#DEFAULT}), statements embedded
   * by {@code embedder} and kept ({@link RemedyVectors}).
   */
  public FixSummary(Embedder embedder) {
    this(RemedyGrouping.DEFAULT, Optional.of(new RemedyVectors(embedder)));
  }

  /** Words alone ({@link RemedyGrouping#WORDS}): without an embedder. */
  public FixSummary() {
    this(RemedyGrouping.WORDS);
  }

  /** The grouping in use. */
  public RemedyGrouping grouping() {
    return grouping;
  }

  /** The statement vectors kept, when the grouping reads them. */
  public Optional<RemedyVectors> vectors() {
    return vectors;
  }

  /**
   * The issue's fixes, best first.
   *
   * @param votes "did this fix it?" votes on a record, by record id
   */
  public List<Fix> fixes(
      IssueCluster issue, Collection<SourceDoc> members, Function<String, Tally> votes) {
    List<Remedy> remedies = new ArrayList<>();
    for (SourceDoc d : members) Remedies.of(d, issue).ifPresent(remedies::add);
    remedies.sort(BY_AUTHORITY);
    if (remedies.size() > MAX_REMEDIES) remedies = remedies.subList(0, MAX_REMEDIES);
    List<Fix> fixes = new ArrayList<>();
    for (List<Integer> g : group(remedies)) {
      List<Remedy> group = new ArrayList<>();
      for (int i : g) group.add(remedies.get(i));
      fixes.add(fix(group, votes));
    }
    fixes.sort(BEST_FIRST);
    return fixes;
  }

  private List<List<Integer>> group(List<Remedy> remedies) {
    List<Set<String>> terms = remedies.stream().map(Remedy::terms).toList();
    if (!grouping.usesVectors() || remedies.size() < 2)
      return grouping.withoutVectors().group(terms);
    List<float[]> v;
    try {
      v = vectors.orElseThrow().of(remedies.stream().map(Remedy::statement).toList());
    } catch (RuntimeException e) {
      // the model failed on this text: the page still has its fixes, grouped by words alone
      return grouping.withoutVectors().group(terms);
    }
    return grouping.group(terms, v);
  }

  /** Best first: support score, then more sources, then the text for a stable order. */
  static final Comparator<Fix> BEST_FIRST =
      Comparator.comparingDouble((Fix f) -> f.support().score())
          .reversed()
          .thenComparing(f -> f.support().sources(), Comparator.reverseOrder())
          .thenComparing(Fix::text);

  private static final Comparator<Remedy> BY_AUTHORITY =
      Comparator.comparingDouble(FixSummary::weight).reversed().thenComparing(r -> r.doc().id());

  /**
   * What one source adds to a fix's support: its authority, more for an answer many people voted
   * for (log-scaled: the 50th vote adds less than the 2nd).
   */
  static double weight(Remedy r) {
    return r.authority() + Math.log1p(Math.max(0, r.votes())) / Math.log(2) / 4;
  }

  private static Fix fix(List<Remedy> group, Function<String, Tally> votes) {
    group.sort(BY_AUTHORITY);
    // the fix is worded as its most authoritative kind of source says it; votes only break ties
    Remedy lead =
        group.stream()
            .max(
                Comparator.comparingDouble(Remedy::authority)
                    .thenComparingInt(Remedy::votes)
                    .thenComparing(r -> r.doc().id(), Comparator.reverseOrder()))
            .orElseThrow();
    Set<String> groupTerms = new HashSet<>();
    for (Remedy r : group) if (r.chapters().isEmpty()) groupTerms.addAll(r.terms());
    if (groupTerms.isEmpty()) groupTerms.addAll(lead.terms());
    String cause = "";
    List<Fix.Step> steps = List.of();
    Set<String> tools = new LinkedHashSet<>();
    Set<String> parts = new LinkedHashSet<>();
    // steps: a guide's, else the longest list an answer or row gives, else a video's chapters
    Remedy stepSource = null;
    for (Remedy r : group) {
      if (r.steps().isEmpty()) continue;
      if (stepSource == null || stepRank(r) > stepRank(stepSource)) stepSource = r;
    }
    if (stepSource != null) steps = stepSource.steps();
    for (Remedy r : group) {
      if (cause.isEmpty()) cause = r.cause();
      tools.addAll(r.tools());
      parts.addAll(r.parts());
    }
    List<Fix.Source> sources = new ArrayList<>();
    long yes = 0, no = 0, partly = 0;
    int manuals = 0, accepted = 0, answers = 0, guides = 0, videos = 0, maxVotes = 0;
    double score = 0;
    for (Remedy r : group) {
      Tally t = votes.apply(r.doc().id());
      yes += t.yes();
      no += t.no();
      partly += t.partly();
      score += weight(r);
      maxVotes = Math.max(maxVotes, r.votes());
      switch (r.form()) {
        case "troubleshooting-row" -> manuals++;
        case "accepted-answer" -> accepted++;
        case "answer" -> answers++;
        case "guide" -> guides++;
        default -> videos++;
      }
      sources.add(source(r, groupTerms));
    }
    Tally feedback = new Tally(yes, no, partly);
    // votes on its records scale a fix by their smoothed fix rate over the no-vote prior of 0.5:
    // no votes change nothing, one "no" takes a third off, forty "no" all but bury it
    score *= 2 * feedback.score();
    return new Fix(
        lead.text(),
        cause,
        steps,
        List.copyOf(tools),
        List.copyOf(parts),
        sources,
        new Fix.Support(
            group.size(),
            manuals,
            accepted,
            answers,
            guides,
            videos,
            maxVotes,
            feedback,
            score,
            summary(sources, feedback)));
  }

  private static double stepRank(Remedy r) {
    return switch (r.form()) {
      case "guide" -> 1000 + r.steps().size();
      case "video" -> 0;
      default -> 100 + r.steps().size();
    };
  }

  /** A video source points at the chapter that shows the group's fix, when a chapter does. */
  private static Fix.Source source(Remedy r, Set<String> groupTerms) {
    String url = r.url(), where = r.where();
    int seconds = -1;
    String text = r.text();
    if (!r.chapters().isEmpty()) {
      Chapter best = null;
      double bestSim = 0;
      for (Chapter c : r.chapters()) {
        if (c.startSeconds() <= 0) continue;
        // the chapter sharing the most of the fix's words; its share of its own words breaks ties
        Set<String> words = RemedyText.terms(c.title(), List.of());
        double s = Similarity.OVERLAP.of(words, groupTerms);
        if (s > 0) s += words.stream().filter(groupTerms::contains).count();
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (best != null) {
        url = best.url();
        seconds = best.startSeconds();
        where = "video at " + Remedies.clock(seconds);
        text = best.title();
      }
    }
    return new Fix.Source(
        r.doc().id(),
        url,
        r.doc().kind().id(),
        r.form(),
        r.doc().site(),
        r.doc().title(),
        where,
        r.page(),
        seconds,
        r.votes(),
        text,
        r.doc().displaySite());
  }

  /** "manual p. 3, accepted answer with 45 votes, video at 2:13; 10 of 12 people ...". */
  static String summary(List<Fix.Source> sources, Tally feedback) {
    List<String> parts = new ArrayList<>();
    String page = null;
    int manuals = 0, accepted = 0, answers = 0, guides = 0, acceptedVotes = -1, answerVotes = -1;
    String video = null;
    int videos = 0;
    for (Fix.Source s : sources) {
      switch (s.form()) {
        case "troubleshooting-row" -> {
          manuals++;
          if (page == null || (page.equals("manual") && s.page() > 0))
            page = s.page() > 0 ? "manual p. " + s.page() : "manual";
        }
        case "accepted-answer" -> {
          accepted++;
          acceptedVotes = Math.max(acceptedVotes, s.votes());
        }
        case "answer" -> {
          answers++;
          answerVotes = Math.max(answerVotes, s.votes());
        }
        case "guide" -> guides++;
        default -> {
          videos++;
          if (video == null || (video.equals("video") && s.seconds() >= 0))
            video = s.seconds() >= 0 ? "video at " + Remedies.clock(s.seconds()) : "video";
        }
      }
    }
    if (page != null) parts.add(page + more(manuals, "manual row"));
    if (accepted > 0)
      parts.add("accepted answer with " + votes(acceptedVotes) + more(accepted, "accepted answer"));
    if (answers > 0) parts.add("answer with " + votes(answerVotes) + more(answers, "answer"));
    if (guides > 0) parts.add(guides == 1 ? "step-by-step guide" : guides + " step-by-step guides");
    if (video != null) parts.add(video + more(videos, "video"));
    String line = String.join(", ", parts);
    if (feedback.total() > 0) {
      line +=
          "; "
              + feedback.yes()
              + " of "
              + feedback.total()
              + (feedback.total() == 1 ? " person who voted says" : " people who voted say")
              + " it fixed it";
    }
    return line;
  }

  private static String votes(int n) {
    return n == 1 ? "1 vote" : n + " votes";
  }

  private static String more(int count, String what) {
    return count <= 1 ? "" : " (" + count + " " + what + "s)";
  }
}
