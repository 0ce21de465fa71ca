package io.fixfinder.indexer.search;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a search returns: how the query was understood, the hits of the page, facets, paging. */
public record SearchResponse(
    String query,
    Interpretation interpretation,
    long total,
    int page,
    int size,
    List<IssueGroup> issues,
    List<Hit> hits,
    Map<String, Map<String, Long>> facets,
    List<Object> helpers) {

  /**
   * People who can help with this fault: the helper directory arrives in a later stage; the field
   * is part of the contract now, always present, empty until then.
   */
  public SearchResponse {
    issues = List.copyOf(issues);
    helpers = List.copyOf(helpers);
  }

  /** The same response with its hits grouped: issue groups set and each hit tagged. */
  public SearchResponse withIssues(List<IssueGroup> groups, List<Hit> taggedHits) {
    return new SearchResponse(
        query, interpretation, total, page, size, groups, taggedHits, facets, helpers);
  }

  /**
   * One issue cluster matching the query: its summary and, per source kind, the best-ranked
   * matching member (manual section, video, thread, review, repair report).
   *
   * @param matched how many of the query's top records belong to the cluster
   */
  public record IssueGroup(
      io.fixfinder.core.model.IssueCluster issue,
      double score,
      int matched,
      Map<String, Hit> best) {}

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
      java.util.Optional<String> issue) {
    /** The same hit with another score (after re-ranking). */
    public Hit withScore(double newScore) {
      return with(newScore, issue);
    }

    /** The same hit, tagged with its issue cluster's id. */
    public Hit withIssue(String issueId) {
      return with(score, java.util.Optional.of(issueId));
    }

    private Hit with(double newScore, java.util.Optional<String> newIssue) {
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
          newIssue);
    }
  }
}
