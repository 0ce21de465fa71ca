package io.fixfinder.indexer.schema;

/**
 * Every Lucene field name, in one place. Prose fields are analysed with {@link
 * io.fixfinder.indexer.analysis.Analyzers#prose()}; key fields hold normalised values from the
 * shared key extractor and are matched exactly.
 */
public final class Fields {
  private Fields() {}

  /** Stable record id (keyword, stored): the update key. */
  public static final String ID = "id";

  /** Source kind id: manual, forum, video, review, product, repair_report (keyword, facet). */
  public static final String KIND = "kind";

  public static final String SITE = "site";

  /**
   * Prose: the title and the text as two values of one field. BM25 over it is BM25F over title and
   * text with the title weighted 1 (the tuned weight), but scored as one plain term query, which
   * Lucene evaluates about twice as fast as a combined-field query (docs/benchmarks.md).
   */
  public static final String BODY = "body";

  /**
   * Prose in the record's own language when that is not English: the title and the text again,
   * analysed with the language's stop words and stemmer ({@code Analyzers.language}), in the field
   * {@code body_<code>} (body_de, body_nl, body_fr, body_es, body_it). Only records detected in
   * that language have it; a query searches the fields of the languages detected in it.
   */
  public static String bodyIn(String languageCode) {
    return "body_" + languageCode;
  }

  /** The record's detected language, ISO 639-1 ("de"; keyword, absent when unknown). */
  public static final String LANG = "lang";

  /**
   * Prose: the names of a guide's tools, supplies and parts ("T5 Torx screwdriver", "spudger"), one
   * value each; searched with the query's words at a low weight beside {@link #BODY}, so a guide is
   * found by its equipment even where its steps never name it.
   */
  public static final String TOOLS = "tools";

  /** Product type id, brand (lower case) and model in squashed form (WM8420X), exact. */
  public static final String TYPE = "type";

  public static final String BRAND = "brand";
  public static final String MODEL = "model";

  /** Model parts: letters and digits apart ("wm", "8420"), so a partial model finds it. */
  public static final String MODEL_PARTS = "model_parts";

  /** Normalised error codes (E18) and symptom ids (wont-drain), exact. */
  public static final String CODES = "codes";

  public static final String SYMPTOMS = "symptoms";

  /** 1 when the record reports a fix (numeric doc value for ranking). */
  public static final String FIX = "fix";

  /** Publication time, epoch seconds (doc value, for freshness). */
  public static final String PUBLISHED = "published";

  /** Quality prior computed at index time from votes, ratings, acceptance (float doc value). */
  public static final String PRIOR = "prior";

  /**
   * Dense vector of the title and opening text (HNSW graph, dot product on unit vectors); absent
   * when the index is built without embeddings.
   */
  public static final String VECTOR = "vector";

  /** Hash of the embedder id and the embedded text (stored only): when it matches, reuse. */
  public static final String VECTOR_HASH = "vector_hash";

  /** The whole record as JSON (stored only): what results display. */
  public static final String SOURCE = "source";

  /** Facet dims kept as sorted-set doc values. */
  public static final String FACET_KIND = "facet_kind";

  public static final String FACET_BRAND = "facet_brand";
  public static final String FACET_TYPE = "facet_type";

  /**
   * The product's model as the record names it ("WM-8420X"; sorted doc value only, absent when the
   * record names none): the leaderboards group a type's records by brand and model from doc values
   * alone, without reading the stored records.
   */
  public static final String MODEL_NAME = "model_name";

  /**
   * A repair report's outcome as Open Repair Data writes it, lower case ("fixed", "repairable",
   * "end of life", "unknown"; sorted doc value only, on repair reports alone): the leaderboards'
   * fix rates.
   */
  public static final String OUTCOME = "outcome";
}
