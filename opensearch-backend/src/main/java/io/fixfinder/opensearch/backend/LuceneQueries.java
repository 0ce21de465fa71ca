package io.fixfinder.opensearch.backend;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * The indexer's Lucene queries in OpenSearch's query DSL, clause for clause: the terms are already
 * analysed by our analyzers (the same tokens the cluster's plugin indexes), so every term becomes a
 * {@code term} query with its boost, and a boolean query the {@code bool} of its clauses. BM25 on
 * both sides then scores each clause alike; the sum of a {@code bool}'s clauses is Lucene's.
 *
 * <p>A phrase (a quoted part of the query) is sent as {@code match_phrase} over its analysed terms
 * with a whitespace analyzer, its stop-word gaps added to the slop; a query type the indexer does
 * not build is sent as the disjunction of its terms.
 */
final class LuceneQueries {
  private LuceneQueries() {}

  static Query of(org.apache.lucene.search.Query q) {
    return of(q, 1f);
  }

  private static Query of(org.apache.lucene.search.Query q, float boost) {
    return switch (q) {
      case BoostQuery b -> of(b.getQuery(), boost * b.getBoost());
      case TermQuery t -> term(t.getTerm(), boost);
      case BooleanQuery b -> bool(b, boost);
      case MatchNoDocsQuery n -> Query.of(x -> x.matchNone(m -> m));
      case MatchAllDocsQuery a -> Query.of(x -> x.matchAll(m -> boost != 1f ? m.boost(boost) : m));
      case FieldExistsQuery e -> Query.of(x -> x.exists(m -> m.field(e.getField())));
      case PrefixQuery p ->
          Query.of(
              x ->
                  x.prefix(
                      m -> {
                        m.field(p.getField()).value(p.getPrefix().text());
                        if (boost != 1f) m.boost(boost);
                        return m;
                      }));
      case FuzzyQuery f ->
          Query.of(
              x ->
                  x.fuzzy(
                      m -> {
                        m.field(f.getField())
                            .value(FieldValue.of(f.getTerm().text()))
                            .fuzziness(Integer.toString(f.getMaxEdits()))
                            .prefixLength(f.getPrefixLength());
                        if (boost != 1f) m.boost(boost);
                        return m;
                      }));
      case PhraseQuery p -> phrase(p, boost);
      default -> terms(q, boost);
    };
  }

  private static Query term(Term t, float boost) {
    return Query.of(
        x ->
            x.term(
                m -> {
                  m.field(t.field()).value(FieldValue.of(t.text()));
                  if (boost != 1f) m.boost(boost);
                  return m;
                }));
  }

  private static Query bool(BooleanQuery b, float boost) {
    BoolQuery.Builder out = new BoolQuery.Builder();
    for (BooleanClause c : b.clauses()) {
      Query sub = of(c.query(), 1f);
      switch (c.occur()) {
        case MUST -> out.must(sub);
        case SHOULD -> out.should(sub);
        case FILTER -> out.filter(sub);
        case MUST_NOT -> out.mustNot(sub);
      }
    }
    if (b.getMinimumNumberShouldMatch() > 0) {
      out.minimumShouldMatch(Integer.toString(b.getMinimumNumberShouldMatch()));
    } else if (b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
      // Lucene: a disjunction alone matches when one clause does; OpenSearch agrees, said plainly
      out.minimumShouldMatch("1");
    }
    if (boost != 1f) out.boost(boost);
    return Query.of(x -> x.bool(out.build()));
  }

  private static Query phrase(PhraseQuery p, float boost) {
    Term[] terms = p.getTerms();
    if (terms.length == 0) return Query.of(x -> x.matchNone(m -> m));
    int[] positions = p.getPositions();
    int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
    List<String> words = new ArrayList<>();
    for (Term t : terms) words.add(t.text());
    String field = p.getField();
    return Query.of(
        x ->
            x.matchPhrase(
                m -> {
                  m.field(field)
                      .query(String.join(" ", words))
                      .analyzer("whitespace")
                      .slop(p.getSlop() + gaps);
                  if (boost != 1f) m.boost(boost);
                  return m;
                }));
  }

  /** Any other query as the disjunction of its terms. */
  private static Query terms(org.apache.lucene.search.Query q, float boost) {
    java.util.Set<Term> terms = new java.util.LinkedHashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    if (terms.isEmpty()) return Query.of(x -> x.matchNone(m -> m));
    BoolQuery.Builder out = new BoolQuery.Builder();
    for (Term t : terms) out.should(term(t, 1f));
    out.minimumShouldMatch("1");
    if (boost != 1f) out.boost(boost);
    return Query.of(x -> x.bool(out.build()));
  }

  /** Used by tests: the JSON of a translated query. */
  static String json(Query q) {
    java.io.StringWriter w = new java.io.StringWriter();
    var mapper = new org.opensearch.client.json.jackson.JacksonJsonpMapper();
    try (var g = mapper.jsonProvider().createGenerator(w)) {
      q.serialize(g, mapper);
    }
    return w.toString();
  }
}
