package io.fixfinder.indexer.search;

import org.apache.lucene.search.ScoreDoc;

/**
 * One list of candidates for fusion, best first.
 *
 * @param complete whether the list holds every record that scores in it, so that a record absent
 *     from it is known to score 0 there (a BM25 list of all the matches); otherwise it was cut
 *     short and an absent record's score is unknown (the dense neighbours, a long BM25 list)
 */
record RankedList(ScoreDoc[] docs, boolean complete) {
  static RankedList whole(ScoreDoc... docs) {
    return new RankedList(docs, true);
  }

  static RankedList cut(ScoreDoc... docs) {
    return new RankedList(docs, false);
  }
}
