package io.fixfinder.indexer.confidence;

import java.util.List;

/**
 * What a search knows about one result, as the features of {@link Confidence}. Agreements are +1
 * when the record carries the query's key, -1 when the record names another one of that kind (an
 * E32 record for an E18 query), 0 when either side names none.
 *
 * @param cos the dense score (prior x cosine of query and record), 0 when unknown
 * @param cosTop the best dense score of the query's neighbours: how close the index comes at all
 * @param bm25 the record's bm25 score over the best bm25 score of the query, 0 when unmatched
 * @param rank 1 / (1 + rank) in the final ranking
 * @param known the share of the query's words that occur anywhere in the index
 * @param type fit of the record's product type to the query's: agreement when the query names a
 *     type, -1 for a typed record when it names a device none of our types is, 0.5 for a record of
 *     the type most bm25 matches have when it names nothing
 * @param brand agreement of brand
 * @param model agreement of model
 * @param code agreement of error codes
 * @param symptom agreement of symptoms
 * @param typeAbsent 1 when the query names a product type no matching record has
 * @param keyed 1 when the query names a model or an error code
 * @param coverage the share of the query's distinct words (as the index analyses them) the record
 *     contains
 * @param named 1 when the query names a product type or device, brand, model, error code or
 *     symptom: something a repair question is about
 */
public record Evidence(
    double cos,
    double cosTop,
    double bm25,
    double rank,
    double known,
    double type,
    double brand,
    double model,
    double code,
    double symptom,
    double typeAbsent,
    double keyed,
    double coverage,
    double named) {

  /** Feature names, in the order of {@link #features()}; the tuning harness prints them. */
  public static final List<String> NAMES =
      List.of(
          "cos",
          "cosTop",
          "bm25",
          "rank",
          "known",
          "type",
          "brand",
          "model",
          "code",
          "symptom",
          "typeAbsent",
          "keyed",
          "coverage",
          "named");

  public double[] features() {
    return new double[] {
      cos,
      cosTop,
      bm25,
      rank,
      known,
      type,
      brand,
      model,
      code,
      symptom,
      typeAbsent,
      keyed,
      coverage,
      named
    };
  }

  /** +1 when {@code record} holds {@code query}'s key, -1 when it holds another, else 0. */
  public static double agreement(boolean queryHas, boolean recordHasIt, boolean recordHasAny) {
    if (!queryHas || !recordHasAny) return 0;
    return recordHasIt ? 1 : -1;
  }
}
