package io.fixfinder.indexer.search;

import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The product type a search is restricted to. A query that names a type ("dryer not drying") is
 * about that type: records keyed with another type (a washing machine's fault) are left out, and
 * records of no known type stay (nothing says they are about something else). When no record of the
 * named type matches, nothing is restricted and the scope says the type is absent, which {@code
 * Confidence} reads as strong evidence that the index cannot answer. A type filter the caller set
 * wins: then this scope restricts nothing.
 *
 * <p>A query may also name a device the lexicon knows to be none of our product types ("fridge",
 * "microwave": its {@code other-devices}): no record can be about it, so the type is absent too.
 *
 * @param restrictedTo the type the results are restricted to
 * @param absent the query names a type (or other device) no matching record has
 * @param filter what restricts (null when nothing does)
 * @param named the product type or device the query names, as the query has it, when absent
 */
record TypeScope(
    Optional<String> restrictedTo, boolean absent, Query filter, Optional<String> named) {
  static final TypeScope NONE = new TypeScope(Optional.empty(), false, null, Optional.empty());

  static TypeScope of(
      IndexSearcher searcher,
      SearchRequest request,
      Keys keys,
      Query lexical,
      java.util.List<String> otherDevices)
      throws IOException {
    String type = keys.product().type();
    if (request.type().isPresent()) return NONE;
    if (type.isEmpty()) {
      return otherDevice(request.query(), otherDevices)
          .map(d -> new TypeScope(Optional.empty(), true, null, Optional.of(d)))
          .orElse(NONE);
    }
    Query ofType = new TermQuery(new Term(Fields.TYPE, type));
    Query matching =
        new BooleanQuery.Builder().add(lexical, Occur.MUST).add(ofType, Occur.FILTER).build();
    if (!anyMatch(searcher, matching)) {
      return new TypeScope(Optional.empty(), true, null, Optional.of(type));
    }
    Query untyped =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.MUST)
            .add(new FieldExistsQuery(Fields.FACET_TYPE), Occur.MUST_NOT)
            .build();
    Query filter =
        new BooleanQuery.Builder().add(ofType, Occur.SHOULD).add(untyped, Occur.SHOULD).build();
    return new TypeScope(Optional.of(type), false, filter, Optional.empty());
  }

  /**
   * Whether any live record matches: stops at the first, where {@code count} would visit (and score
   * the clauses of) every match of the words, which at a million records is most of them.
   */
  static boolean anyMatch(IndexSearcher searcher, Query query) throws IOException {
    // uncached: the cache would fill a bit set of every match to answer "is there one?"
    Weight weight = Uncached.matchWeight(searcher, query);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) continue;
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) return true;
      }
    }
    return false;
  }

  /** The first of {@code devices} the query names as whole words, longest phrase first. */
  static Optional<String> otherDevice(String query, java.util.List<String> devices) {
    String words = spaced(query);
    return devices.stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .filter(d -> words.contains(spaced(d)))
        .findFirst();
  }

  /** Lower-case words separated and surrounded by one space, for whole-word phrase matching. */
  static String spaced(String s) {
    return " "
        + String.join(" ", s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")).strip()
        + " ";
  }

  /** {@code lexical} restricted to the scope. */
  Query restrict(Query lexical) {
    if (filter == null) return lexical;
    return new BooleanQuery.Builder().add(lexical, Occur.MUST).add(filter, Occur.FILTER).build();
  }
}
