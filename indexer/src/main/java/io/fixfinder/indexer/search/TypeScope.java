package io.fixfinder.indexer.search;

import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The product type a search is restricted to. A query that names a type ("dryer not drying") is
 * about that type: records keyed with another type (a washing machine's fault) are left out, and
 * records of no known type stay (nothing says they are about something else). When no record of the
 * named type matches, nothing is restricted and the scope says the type is absent, which {@code
 * Confidence} reads as strong evidence that the index cannot answer. A type filter the caller set
 * wins: then this scope restricts nothing.
 *
 * @param restrictedTo the type the results are restricted to
 * @param absent the query names a type no matching record has
 * @param filter what restricts (null when nothing does)
 */
record TypeScope(Optional<String> restrictedTo, boolean absent, Query filter) {
  static final TypeScope NONE = new TypeScope(Optional.empty(), false, null);

  static TypeScope of(IndexSearcher searcher, SearchRequest request, Keys keys, Query lexical)
      throws IOException {
    String type = keys.product().type();
    if (type.isEmpty() || request.type().isPresent()) return NONE;
    Query ofType = new TermQuery(new Term(Fields.TYPE, type));
    Query matching =
        new BooleanQuery.Builder().add(lexical, Occur.MUST).add(ofType, Occur.FILTER).build();
    if (searcher.count(matching) == 0) return new TypeScope(Optional.empty(), true, null);
    Query untyped =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.MUST)
            .add(new FieldExistsQuery(Fields.FACET_TYPE), Occur.MUST_NOT)
            .build();
    Query filter =
        new BooleanQuery.Builder().add(ofType, Occur.SHOULD).add(untyped, Occur.SHOULD).build();
    return new TypeScope(Optional.of(type), false, filter);
  }

  /** {@code lexical} restricted to the scope. */
  Query restrict(Query lexical) {
    if (filter == null) return lexical;
    return new BooleanQuery.Builder().add(lexical, Occur.MUST).add(filter, Occur.FILTER).build();
  }
}
