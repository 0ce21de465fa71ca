package io.fixfinder.indexer.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * What the confidence of a ranking reads about its records and the index: the embedded index
 * answers from its term statistics and doc values; another engine answers from what it returned for
 * the ranked records ({@link ExternalWindow}). Records are named by the ints of the ranking's
 * lists.
 */
public interface EvidenceProbe {
  /** Whether some record of the index holds {@code term} (as analysed) in its prose. */
  boolean inBody(String term) throws IOException;

  /**
   * Which of {@code docs} {@code query} matches: a term, a field's existence, any value of a field,
   * or a disjunction of those.
   */
  boolean[] matching(Query query, int[] docs) throws IOException;

  /** The product types (facet values) of {@code doc}. */
  List<String> types(int doc) throws IOException;
}
