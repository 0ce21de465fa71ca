package io.fixfinder.indexer.schema;

/**
 * The version of the index layout and analysis. Stored in every commit's user data; an index
 * written with another version is rebuilt from the record log, never read with the wrong analysis.
 * Bump it whenever a field, an analyzer or the mapper changes.
 */
public final class SchemaVersion {
  private SchemaVersion() {}

  /**
   * 2: dense vectors ({@link Fields#VECTOR}) and their content hash. 3: the url is no longer
   * indexed (never searched; it stays in the stored record). 4: the id is also a doc value. 5: one
   * prose field of title and text ({@link Fields#BODY}) instead of a title and a text field. 6: the
   * prior has a skip index (search bounds each block of documents by its largest prior). 7: a
   * guide's tools, supplies and parts in their own prose field ({@link Fields#TOOLS}). 8: the
   * record's language ({@link Fields#LANG}) and, when not English, its title and text stemmed in
   * that language ({@link Fields#bodyIn}). 9: the model's name ({@link Fields#MODEL_NAME}) and a
   * repair report's outcome ({@link Fields#OUTCOME}) as doc values, for the leaderboards.
   */
  public static final int CURRENT = 9;

  public static final String KEY = "fixfinder.schema";
}
