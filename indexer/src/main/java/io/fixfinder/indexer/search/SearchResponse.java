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
    List<Hit> hits,
    Map<String, Map<String, Long>> facets,
    List<Object> helpers) {

  /**
   * People who can help with this fault: the helper directory arrives in a later stage; the field
   * is part of the contract now, always present, empty until then.
   */
  public SearchResponse {
    helpers = List.copyOf(helpers);
  }

  /** The query's product, error codes and symptoms as the shared key extractor read them. */
  public record Interpretation(
      ProductRef product, List<String> errorCodes, List<String> symptoms, List<String> hashtags) {}

  /** One result; text fields are plain text (the client escapes them), never HTML. */
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
      Details details) {}
}
