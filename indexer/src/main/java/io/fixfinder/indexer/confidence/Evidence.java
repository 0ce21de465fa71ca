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
 * @param focus the share of the first 10 neighbours (dense, or bm25 on words alone) that have the
 *     product type most of them have: whether the nearest records are about one kind of product
 * @param typeMentioned 1 when the query names one of our product types that no matching record is
 *     keyed with ({@code typeAbsent}) but the index's text uses the type's words: the corpus talks
 *     about it (often as a part: the camera of a phone) rather than never mentioning it
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
    double named,
    double focus,
    double typeMentioned) {

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
          "named",
          "focus",
          "typeMentioned");

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
      named,
      focus,
      typeMentioned
    };
  }

  /** The evidence whose {@link #features()} are {@code f}. */
  public static Evidence of(double[] f) {
    if (f.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " features, got " + f.length);
    }
    return new Evidence(
        f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
        f[14], f[15]);
  }

  /** +1 when {@code record} holds {@code query}'s key, -1 when it holds another, else 0. */
  public static double agreement(boolean queryHas, boolean recordHasIt, boolean recordHasAny) {
    if (!queryHas || !recordHasAny) return 0;
    return recordHasIt ? 1 : -1;
  }
}
