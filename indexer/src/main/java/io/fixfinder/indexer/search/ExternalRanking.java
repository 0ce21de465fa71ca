package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * {@link Searcher}'s ranking for an index held by another engine (OpenSearch): the same lexical
 * query (words and key boosts, as a Lucene query for the engine to translate; the prior and the
 * filters apart, for the engine to apply), and the same fusion of the two candidate lists, on
 * records named by id instead of Lucene doc ids. The engine retrieves; the ranking stays ours.
 *
 * <p>What the embedded searcher does beyond this (facet counts, confidence and the "answered"
 * verdict, the hints of a search without matches) is {@link ExternalWindow}'s, from what the engine
 * answers.
 */
public final class ExternalRanking {
  /** Candidates taken from each list before fusion, as the embedded searcher takes. */
  public static final int CANDIDATES = Searcher.CANDIDATES;

  /** Matches counted exactly up to this many, as the embedded searcher counts. */
  public static final int TOTAL_COUNT = Searcher.TOTAL_COUNT;

  private final KeyExtractor extractor;
  private final Tuning tuning;
  private final Fusion fusion;
  private final Retrieval retrieval;
  private final QueryBuilder queries;

  public ExternalRanking(
      KeyExtractor extractor, Retrieval retrieval, Fusion fusion, Tuning tuning) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    this.tuning = Objects.requireNonNull(tuning, "tuning");
    this.queries =
        new QueryBuilder(extractor.lexicon(), tuning.keyExponent(), tuning.priorExponent());
  }

  public Tuning tuning() {
    return tuning;
  }

  /**
   * Query embeddings through {@code embedder}, cached by normalised text as the embedded searcher
   * caches them (the same vector for the same query on both backends, and no model run for a
   * repeated one).
   */
  public static java.util.function.Function<String, float[]> queryVectors(
      io.fixfinder.indexer.embed.Embedder embedder) {
    QueryVectors vectors = new QueryVectors(embedder, QueryVectors.DEFAULT_MAX_BYTES);
    return vectors::of;
  }

  /** The lexicon the queries are understood with. */
  public io.fixfinder.core.understand.Lexicon lexicon() {
    return extractor.lexicon();
  }

  /**
   * The lexical side of a request.
   *
   * @param keys what the query names
   * @param mode the retrieval mode asked (the request's, else the configured one)
   * @param scored the words and key boosts, without the prior or the filters; a {@link
   *     MatchNoDocsQuery} when nothing in the query is searchable
   * @param filters the request's filters (kind, brand, type), exact terms
   * @param unfilteredScored as {@code scored} for the request without its filters (the type scope
   *     of the dense side is decided on it)
   * @param priorExponent the score is multiplied by prior^this
   * @param keyed the query is a lookup (a model or a code)
   * @param namedType the product type the query names, when the request sets no type filter: the
   *     search is restricted to it (and to records of no type) when any match is of that type
   */
  public record Plan(
      Keys keys,
      Retrieval mode,
      Query scored,
      List<Query> filters,
      Query unfilteredScored,
      float priorExponent,
      boolean keyed,
      Optional<String> namedType) {}

  public Plan plan(SearchRequest request) {
    Keys keys = extractor.extract(request.query());
    Retrieval mode = request.mode().orElse(retrieval);
    Query scored = scored(queries.build(request, keys));
    SearchRequest unfiltered = Facets.filtered(request) ? Facets.unfiltered(request) : request;
    Query unfilteredScored =
        unfiltered == request ? scored : scored(queries.build(unfiltered, keys));
    Optional<String> type =
        request.type().isPresent() || keys.product().type().isEmpty()
            ? Optional.empty()
            : Optional.of(keys.product().type());
    return new Plan(
        keys,
        mode,
        scored,
        QueryBuilder.filters(request),
        unfilteredScored,
        tuning.priorExponent(),
        keyed(request, keys),
        type);
  }

  /** The scored part of {@link QueryBuilder#build}: inside the prior, without the filters. */
  private static Query scored(Query built) {
    if (built instanceof MatchNoDocsQuery) return built;
    if (built instanceof BooleanQuery b) {
      for (BooleanClause c : b.clauses()) {
        if (c.occur() == BooleanClause.Occur.MUST && c.query() instanceof PriorBoostQuery p) {
          return p.inner();
        }
      }
    }
    throw new IllegalStateException("unexpected lexical query shape: " + built);
  }

  /** A record and its score in one list, best first. */
  public record Scored(String id, float score) {}

  /**
   * The fused candidates of a hybrid search, as {@link Searcher} fuses them: {@code words} are the
   * bm25 candidates (score × prior^e, at most {@link #CANDIDATES}), {@code complete} when they are
   * every match; {@code meaning} the dense neighbours passing the filters, completed with the exact
   * prior × max(0, cosine) of every bm25 candidate they lack.
   */
  public List<Scored> fuse(
      Plan plan, String query, List<Scored> words, boolean complete, List<Scored> meaning) {
    Map<String, Integer> doc = new HashMap<>();
    List<String> ids = new ArrayList<>();
    // doc ids in bm25 order first, so fusion's last tie-break (the lower doc) is the bm25 order
    ScoreDoc[] w = docs(words, doc, ids);
    ScoreDoc[] m = docs(meaning, doc, ids);
    // as Searcher.fuse does
    RankedList bm25 = new RankedList(w, complete);
    RankedList dense = RankedList.cut(m);
    ScoreDoc[] fused =
        fusion == Fusion.LEARNED
            ? LearnedFusion.fuse(
                bm25, dense, LearnedFusion.Shape.of(query, plan.keyed()), LearnedFusion.WEIGHTS)
            : ScoreFusion.fuse(
                bm25,
                dense,
                fusion,
                ScoreFusion.bm25Weight(tuning, plan.keyed(), w),
                tuning.norm(),
                tuning.rrfK());
    List<Scored> out = new ArrayList<>(fused.length);
    for (ScoreDoc d : fused) out.add(new Scored(ids.get(d.doc), d.score));
    return out;
  }

  private static ScoreDoc[] docs(List<Scored> list, Map<String, Integer> doc, List<String> ids) {
    ScoreDoc[] out = new ScoreDoc[list.size()];
    for (int i = 0; i < out.length; i++) {
      Scored s = list.get(i);
      Integer d = doc.get(s.id());
      if (d == null) {
        d = ids.size();
        doc.put(s.id(), d);
        ids.add(s.id());
      }
      out[i] = new ScoreDoc(d, s.score());
    }
    return out;
  }

  /**
   * The fused list, then the bm25 ranking past its first {@link #CANDIDATES}, up to {@code want}
   * records (as the embedded searcher pages past the fused head).
   */
  public static List<Scored> thenTheRest(List<Scored> fused, List<Scored> words, int want) {
    if (fused.size() >= want || words.size() <= CANDIDATES) return fused;
    Set<String> have = new HashSet<>();
    List<Scored> out = new ArrayList<>(fused);
    for (Scored s : fused) have.add(s.id());
    for (int i = CANDIDATES; i < words.size() && out.size() < want; i++) {
      if (have.add(words.get(i).id())) out.add(words.get(i));
    }
    return out;
  }

  /** A result as the embedded searcher shows it: the record, a snippet for the query, the score. */
  public static SearchResponse.Hit hit(SourceDoc doc, double score, String query) {
    return Searcher.hit(doc, score, QueryBuilder.snippetWords(query));
  }

  /** Whether {@code query} names another device than those the index holds (the type absent). */
  public Optional<String> otherDevice(String query) {
    return TypeScope.otherDevice(query, extractor.lexicon().otherDevices());
  }

  /**
   * The same as {@link Searcher}'s private test: a model, a code, or keys explaining every word.
   */
  private boolean keyed(SearchRequest request, Keys keys) {
    return !keys.product().model().isEmpty()
        || !keys.errorCodes().isEmpty()
        || QueryBuilder.hasModelToken(request.query())
        || (!keys.symptoms().isEmpty() && queries.explained(request.query(), keys) == 1f);
  }
}
