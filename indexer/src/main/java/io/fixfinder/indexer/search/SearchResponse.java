package io.fixfinder.indexer.search;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search returns: how the query was understood, the hits of the page, facets, paging, and
 * whether the results answer the query at all.
 *
 * @param answered whether a top result is likely enough to be relevant ({@code
 *     io.fixfinder.indexer.confidence.Confidence}); when false the hits are the nearest the index
 *     has, not an answer, and {@code noMatch} says what to try
 * @param restrictedTo the product type the query names, when results were restricted to it
 * @param noMatch present exactly when not answered
 */
public record SearchResponse(
    String query,
    Interpretation interpretation,
    long total,
    int page,
    int size,
    List<IssueGroup> issues,
    List<Hit> hits,
    Map<String, Map<String, Long>> facets,
    List<Object> helpers,
    boolean answered,
    Optional<String> restrictedTo,
    Optional<NoMatch> noMatch) {

  /**
   * People who can help with this fault: the helper directory arrives in a later stage; the field
   * is part of the contract now, always present, empty until then.
   */
  public SearchResponse {
    issues = List.copyOf(issues);
    helpers = List.copyOf(helpers);
    Objects.requireNonNull(restrictedTo, "restrictedTo");
    Objects.requireNonNull(noMatch, "noMatch");
  }

  /**
   * The same response offering {@code found} as people who can help: a helper directory is served,
   * so {@code noMatch.helpersPending} turns false.
   */
  public SearchResponse withHelpers(List<?> found) {
    return new SearchResponse(
        query,
        interpretation,
        total,
        page,
        size,
        issues,
        hits,
        facets,
        List.copyOf(found),
        answered,
        restrictedTo,
        noMatch.map(n -> new NoMatch(n.reason(), n.understood(), n.rephrase(), n.nearby(), false)));
  }

  /** The same response with its hits grouped: issue groups set and each hit tagged. */
  public SearchResponse withIssues(List<IssueGroup> groups, List<Hit> taggedHits) {
    return new SearchResponse(
        query,
        interpretation,
        total,
        page,
        size,
        groups,
        taggedHits,
        facets,
        helpers,
        answered,
        restrictedTo,
        noMatch);
  }

  /**
   * The honest reply when the results do not answer the query: why, what the query was understood
   * to ask, and the next step. People who can help will be offered in the response's {@code
   * helpers} once the helper directory exists ({@code helpersPending} says they are not yet).
   *
   * @param reason {@code unknown-words} (no record uses the query's words), {@code
   *     product-type-absent} (no record of the product type it names) or {@code weak-match}
   * @param understood the query's keys in words, e.g. "a fridge; symptom: noisy"
   * @param rephrase queries to try instead, built from what the index holds
   * @param nearby products of the query's type or brand that the index has, most records first
   * @param helpersPending true while no helper directory backs {@code helpers}
   */
  public record NoMatch(
      String reason,
      String understood,
      List<String> rephrase,
      List<Nearby> nearby,
      boolean helpersPending) {
    public NoMatch {
      rephrase = List.copyOf(rephrase);
      nearby = List.copyOf(nearby);
    }
  }

  /** A product the index has records of: its type, brand (may be empty) and how many records. */
  public record Nearby(String type, String brand, long records) {}

  /**
   * One issue cluster matching the query: its summary and, per source kind, the best-ranked
   * matching member (manual section, video, thread, review, repair report).
   *
   * @param matched how many of the query's top records belong to the cluster
   * @param topFix the issue's best supported fix, for its card; empty when its sources state no
   *     remedy or none was looked up (added last: the JSON only gained a key)
   */
  public record IssueGroup(
      io.fixfinder.core.model.IssueCluster issue,
      double score,
      int matched,
      Map<String, Hit> best,
      double confidence,
      Optional<TopFix> topFix) {
    public IssueGroup {
      Objects.requireNonNull(topFix, "topFix");
    }

    /** A group whose top fix is not looked up yet. */
    public IssueGroup(
        io.fixfinder.core.model.IssueCluster issue,
        double score,
        int matched,
        Map<String, Hit> best,
        double confidence) {
      this(issue, score, matched, best, confidence, Optional.empty());
    }

    /** The same group showing {@code fix} as its issue's best. */
    public IssueGroup withTopFix(Optional<TopFix> fix) {
      return new IssueGroup(issue, score, matched, best, confidence, fix);
    }

    /** A group whose confidence is not known (0). */
    public IssueGroup(
        io.fixfinder.core.model.IssueCluster issue,
        double score,
        int matched,
        Map<String, Hit> best) {
      this(issue, score, matched, best, 0);
    }
  }

  /**
   * An issue's best supported fix as a search card shows it: the first of its issue page's fixes,
   * without its steps and sources (the page has them). Text is quoted from a source, plain (escape
   * it); the card shortens it to a line or two.
   *
   * @param text the remedy as its most authoritative source words it
   * @param cause the cause a manual row gives, empty when none does
   * @param summary its support in words ("manual p. 3, accepted answer with 45 votes; ...")
   * @param sources how many sources state it
   * @param feedback "did this fix it?" votes on its records, summed
   */
  public record TopFix(
      String text,
      String cause,
      String summary,
      int sources,
      io.fixfinder.core.feedback.Tally feedback) {
    public TopFix {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(feedback, "feedback");
    }
  }

  /**
   * The query's product, error codes, symptoms and hashtags as the shared key extractor read them,
   * and the intents the hashtags express ({@code repair}, {@code refund}, {@code fault}).
   */
  public record Interpretation(
      ProductRef product,
      List<String> errorCodes,
      List<String> symptoms,
      List<String> hashtags,
      List<String> intents) {
    /** An interpretation whose intents are not read yet. */
    public Interpretation(
        ProductRef product, List<String> errorCodes, List<String> symptoms, List<String> hashtags) {
      this(product, errorCodes, symptoms, hashtags, List.of());
    }

    public Interpretation withIntents(List<String> read) {
      return new Interpretation(product, errorCodes, symptoms, hashtags, List.copyOf(read));
    }
  }

  /**
   * One result; text fields are plain text (the client escapes them), never HTML.
   *
   * @param issue the id of the issue cluster the record belongs to, when it belongs to one
   * @param confidence the probability that the record is relevant to the query (0 when not judged:
   *     a group's record taken from its cluster rather than the ranking)
   * @param siteName the site as people read it ("FixIt Forum"; the host when the site gave no name)
   * @param thumbnail the path of the record's preview image on this server ({@code
   *     /thumbs/<sha-256>}), empty when it has none
   */
  public record Hit(
      String id,
      String url,
      String kind,
      String site,
      String title,
      String snippet,
      ProductRef product,
      List<String> errorCodes,
      List<String> symptoms,
      boolean fixReported,
      Instant published,
      double score,
      List<String> alsoAt,
      Details details,
      java.util.Optional<String> issue,
      double confidence,
      String siteName,
      String thumbnail) {
    public Hit {
      siteName = java.util.Objects.requireNonNullElse(siteName, "");
      thumbnail = java.util.Objects.requireNonNullElse(thumbnail, "");
    }

    /** A hit without a site name or preview image. */
    public Hit(
        String id,
        String url,
        String kind,
        String site,
        String title,
        String snippet,
        ProductRef product,
        List<String> errorCodes,
        List<String> symptoms,
        boolean fixReported,
        Instant published,
        double score,
        List<String> alsoAt,
        Details details,
        java.util.Optional<String> issue,
        double confidence) {
      this(
          id,
          url,
          kind,
          site,
          title,
          snippet,
          product,
          errorCodes,
          symptoms,
          fixReported,
          published,
          score,
          alsoAt,
          details,
          issue,
          confidence,
          "",
          "");
    }

    /** A hit whose confidence is not judged yet (0). */
    public Hit(
        String id,
        String url,
        String kind,
        String site,
        String title,
        String snippet,
        ProductRef product,
        List<String> errorCodes,
        List<String> symptoms,
        boolean fixReported,
        Instant published,
        double score,
        List<String> alsoAt,
        Details details,
        java.util.Optional<String> issue) {
      this(
          id,
          url,
          kind,
          site,
          title,
          snippet,
          product,
          errorCodes,
          symptoms,
          fixReported,
          published,
          score,
          alsoAt,
          details,
          issue,
          0);
    }

    /** The same hit with another score (after re-ranking). */
    public Hit withScore(double newScore) {
      return with(newScore, issue, confidence);
    }

    /** The same hit, tagged with its issue cluster's id. */
    public Hit withIssue(String issueId) {
      return with(score, java.util.Optional.of(issueId), confidence);
    }

    /** The same hit with its probability of relevance. */
    public Hit withConfidence(double p) {
      return with(score, issue, p);
    }

    private Hit with(double newScore, java.util.Optional<String> newIssue, double newConfidence) {
      return new Hit(
          id,
          url,
          kind,
          site,
          title,
          snippet,
          product,
          errorCodes,
          symptoms,
          fixReported,
          published,
          newScore,
          alsoAt,
          details,
          newIssue,
          newConfidence,
          siteName,
          thumbnail);
    }

    /** The same hit with the site's name and the path of its preview image. */
    public Hit withSource(String name, String thumbnailPath) {
      return new Hit(
          id,
          url,
          kind,
          site,
          title,
          snippet,
          product,
          errorCodes,
          symptoms,
          fixReported,
          published,
          score,
          alsoAt,
          details,
          issue,
          confidence,
          name,
          thumbnailPath);
    }
  }
}
