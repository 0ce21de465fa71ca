package io.fixfinder.indexer.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The searcher's view without Lucene's query cache, for queries made of one request's words. The
 * cache's policy caches a query it has seen a few times recently, and one search uses its words
 * query several times (facet counts, the dense neighbours' word matches, the total): it then filled
 * a bit set of every match on each segment, hundreds of thousands of records at a million, for a
 * query no later search asks again, where the caller wanted to know about a hundred records or
 * whether one matches at all (a flight recording at one million records: half of the 5% of a hybrid
 * search's CPU spent testing its dense neighbours for word matches, docs/benchmarks.md). Queries
 * that recur across searches (the type scope's filter, the evidence's term and field queries) still
 * go through the cache.
 */
final class Uncached {
  private Uncached() {}

  /** {@code searcher}'s reader and similarity without a query cache. */
  static IndexSearcher of(IndexSearcher searcher) {
    IndexSearcher plain = new IndexSearcher(searcher.getIndexReader());
    plain.setQueryCache(null);
    plain.setSimilarity(searcher.getSimilarity());
    return plain;
  }

  /** A weight for whether {@code query} matches (no scores), built without the query cache. */
  static Weight matchWeight(IndexSearcher searcher, Query query) throws IOException {
    IndexSearcher plain = of(searcher);
    return plain.createWeight(plain.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }
}
