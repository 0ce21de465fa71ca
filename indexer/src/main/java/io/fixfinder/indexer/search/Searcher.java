package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Searches the index. The query is understood with the shared {@link KeyExtractor}; what it names
 * (model, error code, symptom, brand, type) boosts matching records but never filters them out.
 * Candidates come from one of three retrieval modes: {@code bm25} (BM25F over title and text plus
 * key boosts scaled by how much of the query the keys explain), {@code dense} (nearest neighbours
 * of the query's sentence embedding in the HNSW graph) or {@code hybrid} (both lists, fused by
 * reciprocal rank or by a weighted sum of normalised scores). The record's quality prior multiplies
 * the score in both lists. See {@code docs/ranking.md}.
 *
 * <p>Thread-safe: searches share one {@link SearcherManager}, and query embeddings are cached by
 * normalised query text.
 */
public final class Searcher {
  /**
   * Key boosts are multiplied by (share of the query's words the keys explain)^{@value}: in full
   * for a model-number or "symptom + model" search, almost nothing for a long description that
   * happens to name a model (there, every record of that model would otherwise outrank the fault).
   */
  static final float KEY_EXPONENT = 3f;

  static final float MODEL_BOOST = 6f;
  static final float MODEL_PART_BOOST = 1.5f;
  static final float CODE_BOOST = 4f;
  static final float SYMPTOM_BOOST = 2f;
  static final float BRAND_BOOST = 1.5f;
  static final float TYPE_BOOST = 1.5f;

  /** Candidates taken from each list (bm25 and dense) before fusion; more when a page needs it. */
  static final int CANDIDATES = 100;

  /** Reciprocal rank fusion constant: a record at rank r in a list earns 1 / (RRF_K + r). */
  static final int RRF_K = 60;

  /**
   * Linear fusion: weight of the normalised bm25 score when the query names a model or code, or its
   * bm25 list is not flat; the dense score gets the rest. Tuned on the development sets (see
   * docs/relevance.md).
   */
  static final float LINEAR_BM25_WEIGHT = 0.75f;

  private static final int QUERY_VECTOR_CACHE = 1024;

  /**
   * Score normalisation of each list before linear fusion. Z-score (the default) centres each list
   * on its mean: a record missing from a list (0 there) sits at an average score, not at the worst.
   */
  public enum Norm {
    MINMAX,
    ZSCORE,
    MAX
  }

  /**
   * Every ranking constant in one value, so evaluation can compare settings on one index. {@link
   * #DEFAULT} holds the values chosen on the development sets (docs/relevance.md).
   *
   * @param keyExponent key boosts are scaled by (share of the query the keys explain)^this
   * @param bm25WeightKeyed linear fusion weight of bm25 when the query names a model or code
   * @param bm25WeightPlain bm25 weight for other queries when the bm25 list is flat
   * @param flatGap bm25 list "gap" (1 - score at rank {@code gapRank} / top score) at or above
   *     which a plain query is treated as keyed: below it the weight slides down to {@code
   *     bm25WeightPlain}
   * @param gapRank the rank whose score the gap compares with the top score
   * @param norm normalisation of each list for linear fusion
   * @param rrfK reciprocal rank fusion constant
   * @param denseK nearest neighbours taken before fusion
   */
  public record Tuning(
      float keyExponent,
      float bm25WeightKeyed,
      float bm25WeightPlain,
      float flatGap,
      int gapRank,
      Norm norm,
      int rrfK,
      int denseK) {
    public static final Tuning DEFAULT =
        new Tuning(
            KEY_EXPONENT, LINEAR_BM25_WEIGHT, 0.4f, 0.7f, 10, Norm.ZSCORE, RRF_K, CANDIDATES);
  }

  private final Tuning tuning;

  private final SearcherManager searchers;
  private final KeyExtractor extractor;
  private final Optional<Embedder> embedder;
  private final Retrieval retrieval;
  private final Fusion fusion;
  private final Analyzer analyzer;
  private final Map<String, float[]> queryVectors =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
              return size() > QUERY_VECTOR_CACHE;
            }
          });

  /** A bm25-only searcher (no query embeddings). */
  public Searcher(SearcherManager searchers, KeyExtractor extractor) {
    this(searchers, extractor, Optional.empty(), Retrieval.BM25, Fusion.RRF);
  }

  /**
   * A searcher whose default mode is {@code retrieval} (a request may override it). Dense and
   * hybrid need the embedder that embedded the index; on an index without vectors they fall back to
   * bm25.
   */
  public Searcher(
      SearcherManager searchers,
      KeyExtractor extractor,
      Optional<Embedder> embedder,
      Retrieval retrieval,
      Fusion fusion) {
    this(searchers, extractor, embedder, retrieval, fusion, Tuning.DEFAULT);
  }

  /** As above, with explicit ranking constants. */
  public Searcher(
      SearcherManager searchers,
      KeyExtractor extractor,
      Optional<Embedder> embedder,
      Retrieval retrieval,
      Fusion fusion,
      Tuning tuning) {
    this.tuning = Objects.requireNonNull(tuning, "tuning");
    this.analyzer = Analyzers.queryPerField();
    this.searchers = Objects.requireNonNull(searchers, "searchers");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    if (retrieval != Retrieval.BM25 && embedder.isEmpty()) {
      throw new IllegalArgumentException("retrieval " + retrieval.id() + " needs an embedder");
    }
  }

  /** The mode used when a request names none. */
  public Retrieval retrieval() {
    return retrieval;
  }

  public Fusion fusion() {
    return fusion;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher searcher = searchers.acquire();
    try {
      int want = request.page() * request.size();
      Ranked ranked = rank(searcher, request, keys, want);
      List<SearchResponse.Hit> hits = new ArrayList<>();
      Set<String> words = queryWords(request.query());
      ScoreDoc[] docs = ranked.docs();
      var stored = searcher.storedFields();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        hits.add(hit(RecordLookup.read(stored, docs[i].doc), docs[i].score, words));
      }
      return response(request, keys, ranked, hits, searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The top {@code n} of a search as lightweight candidates read from doc values (id, kind, fix
   * flag, publication time, score), with the interpretation, total and facets, but no record read
   * back: re-ranking and grouping a window need only these, and reading and parsing every record of
   * the window was most of an API request's cost. {@link RecordLookup} reads the few that are
   * shown. The response's hits are empty and its page and size are the request's.
   */
  public Window window(SearchRequest request, int n) throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher searcher = searchers.acquire();
    try {
      Ranked ranked = rank(searcher, request, keys, n);
      ScoreDoc[] docs = ranked.docs();
      Candidate[] out = new Candidate[docs.length];
      Integer[] order = new Integer[docs.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      int leaf = -1;
      org.apache.lucene.index.SortedDocValues ids = null;
      SortedSetDocValues kinds = null;
      org.apache.lucene.index.NumericDocValues fixes = null;
      org.apache.lucene.index.NumericDocValues published = null;
      LeafReaderContext context = null;
      for (int i : order) {
        int doc = docs[i].doc;
        while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
          context = leaves.get(++leaf);
          ids = context.reader().getSortedDocValues(Fields.ID);
          kinds = context.reader().getSortedSetDocValues(Fields.FACET_KIND);
          fixes = context.reader().getNumericDocValues(Fields.FIX);
          published = context.reader().getNumericDocValues(Fields.PUBLISHED);
        }
        int local = doc - context.docBase;
        String id =
            ids != null && ids.advanceExact(local)
                ? ids.lookupOrd(ids.ordValue()).utf8ToString()
                : "";
        String kind =
            kinds != null && kinds.advanceExact(local)
                ? kinds.lookupOrd(kinds.nextOrd()).utf8ToString()
                : "";
        boolean fix = fixes != null && fixes.advanceExact(local) && fixes.longValue() == 1;
        java.time.Instant when =
            published != null && published.advanceExact(local)
                ? java.time.Instant.ofEpochSecond(published.longValue())
                : java.time.Instant.EPOCH;
        out[i] = new Candidate(id, kind, docs[i].score, fix, when, doc);
      }
      return new Window(
          response(request, keys, ranked, List.of(), searcher),
          List.of(out),
          queryWords(request.query()),
          searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  /** An ungrouped response: the interpretation, total, these hits and the facets of the ranking. */
  private static SearchResponse response(
      SearchRequest request,
      Keys keys,
      Ranked ranked,
      List<SearchResponse.Hit> hits,
      IndexSearcher searcher)
      throws IOException {
    return new SearchResponse(
        request.query(),
        new SearchResponse.Interpretation(
            keys.product(), keys.errorCodes(), keys.symptoms(), keys.hashtags()),
        ranked.total(),
        request.page(),
        request.size(),
        List.of(),
        hits,
        facets(searcher, ranked.facetDocs()),
        List.of());
  }

  /**
   * A ranked window: the response without hits, its candidates, the query's snippet words, and
   * which view of the index it was ranked on (its Lucene doc ids are valid in that view only).
   */
  public record Window(
      SearchResponse header, List<Candidate> candidates, Set<String> words, Object view) {}

  /**
   * One ranked record, as doc values have it; {@code doc} is its Lucene id in the window's view.
   */
  public record Candidate(
      String id,
      String kind,
      double score,
      boolean fixReported,
      java.time.Instant published,
      int doc) {}

  /**
   * The records of some of a window's candidates, by record id. Read by Lucene doc id when the
   * index has not been refreshed since the window was ranked (the usual case: no term lookups);
   * otherwise by record id through {@code records}.
   */
  public Map<String, SourceDoc> read(Window window, List<Candidate> which, RecordLookup records)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      if (searcher.getIndexReader() != window.view()) {
        return records.byIds(which.stream().map(Candidate::id).toList());
      }
      Map<String, SourceDoc> out = new java.util.HashMap<>();
      var stored = searcher.storedFields();
      for (Candidate c : which) out.put(c.id(), RecordLookup.read(stored, c.doc()));
      return out;
    } finally {
      searchers.release(searcher);
    }
  }

  /** A result as shown: the record with a snippet for the query's words and its score. */
  static SearchResponse.Hit hit(SourceDoc doc, double score, Set<String> words) {
    return new SearchResponse.Hit(
        doc.id(),
        doc.url(),
        doc.kind().id(),
        doc.site(),
        doc.title(),
        Snippets.of(doc.text(), words),
        doc.product(),
        doc.errorCodes(),
        doc.symptoms(),
        doc.fixReported(),
        doc.published(),
        score,
        doc.alsoAt(),
        doc.details(),
        Optional.empty());
  }

  /**
   * The record ids of the request's page in ranking order: the same ranking as {@link #search},
   * without snippets, facets or reading the stored records (evaluation runs thousands of these).
   */
  public List<String> rankIds(SearchRequest request) throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] docs = rank(searcher, request, keys, request.page() * request.size()).docs();
      List<String> ids = new ArrayList<>();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        ids.add(searcher.storedFields().document(docs[i].doc, ID_ONLY).get(Fields.ID));
      }
      return ids;
    } finally {
      searchers.release(searcher);
    }
  }

  private static final Set<String> ID_ONLY = Set.of(Fields.ID);

  /**
   * The ranked top {@code want} documents, how many match, and the query matching them all (facets
   * count over it).
   */
  private record Ranked(ScoreDoc[] docs, long total, ScoreDoc[] facetDocs) {}

  /** Facets count over this many top-ranked records (see {@link #facets}). */
  static final int FACET_DEPTH = 100;

  private Ranked rank(IndexSearcher searcher, SearchRequest request, Keys keys, int want)
      throws IOException {
    Retrieval mode = request.mode().orElse(retrieval);
    if (mode != Retrieval.BM25
        && (embedder.isEmpty() || request.query().isBlank() || !hasVectors(searcher))) {
      mode = Retrieval.BM25;
    }
    Query lexical = build(request, keys);
    int depth = Math.max(want, CANDIDATES);
    int denseDepth = Math.max(want, tuning.denseK());
    switch (mode) {
      case BM25 -> {
        TopDocs top =
            searcher.search(
                lexical, new TopScoreDocCollectorManager(Math.max(want, FACET_DEPTH), 10_000));
        return new Ranked(head(top.scoreDocs, want), top.totalHits.value(), top.scoreDocs);
      }
      case DENSE -> {
        Query dense = dense(request, depth);
        ScoreDoc[] top = denseRanked(searcher, dense, depth);
        return new Ranked(head(top, want), top.length, top);
      }
      case HYBRID -> {
        TopDocs words = searcher.search(lexical, new TopScoreDocCollectorManager(depth, 10_000));
        Query dense = dense(request, denseDepth);
        ScoreDoc[] meaning = denseRanked(searcher, dense, denseDepth);
        meaning = withExact(searcher, meaning, words.scoreDocs, queryVector(request.query()));
        float w = bm25Weight(request, keys, words.scoreDocs);
        ScoreDoc[] fused = fuse(words.scoreDocs, meaning, fusion, w, tuning.norm(), tuning.rrfK());
        long total = Math.max(words.totalHits.value(), fused.length);
        return new Ranked(head(fused, want), total, fused);
      }
      default -> throw new IllegalStateException("unknown retrieval " + mode);
    }
  }

  private static ScoreDoc[] head(ScoreDoc[] docs, int n) {
    return docs.length <= n ? docs : Arrays.copyOf(docs, n);
  }

  /**
   * As {@link #fuse(ScoreDoc[], ScoreDoc[], Fusion, float, Norm, int)} with weight {@value
   * #LINEAR_BM25_WEIGHT}, min-max normalisation and k = {@value #RRF_K} (unit tests of the merge).
   */
  static ScoreDoc[] fuse(ScoreDoc[] words, ScoreDoc[] meaning, Fusion fusion) {
    return fuse(words, meaning, fusion, LINEAR_BM25_WEIGHT, Norm.MINMAX, RRF_K);
  }

  /**
   * The bm25 weight of linear fusion for this query. A query naming a model or an error code is a
   * lookup: words decide ({@code bm25WeightKeyed}). Otherwise the weight follows how decisive the
   * bm25 list is: gap = 1 - (score at rank {@code gapRank}) / (top score); a gap at or above {@code
   * flatGap} gives the keyed weight, a flat list (everything matches about equally, as a fault
   * described in everyday words) slides linearly down to {@code bm25WeightPlain}.
   */
  float bm25Weight(SearchRequest request, Keys keys, ScoreDoc[] words) {
    boolean keyed =
        !keys.product().model().isEmpty()
            || !keys.errorCodes().isEmpty()
            || hasModelToken(request.query());
    if (keyed) return tuning.bm25WeightKeyed();
    float gap = 0;
    if (words.length > 0 && words[0].score > 0) {
      gap =
          words.length > tuning.gapRank()
              ? 1 - words[tuning.gapRank() - 1].score / words[0].score
              : 1;
    }
    float t = Math.min(1f, gap / tuning.flatGap());
    return tuning.bm25WeightPlain() + (tuning.bm25WeightKeyed() - tuning.bm25WeightPlain()) * t;
  }

  static boolean hasModelToken(String query) {
    for (String token : query.split("[\\s,;]+")) {
      String squashed = KeyExtractor.squash(token);
      if (squashed.length() >= 3
          && squashed.chars().anyMatch(Character::isDigit)
          && squashed.chars().anyMatch(Character::isLetter)) return true;
    }
    return false;
  }

  /**
   * Merges the bm25 and dense candidate lists (each already ranked with the prior). RRF: each list
   * gives 1 / (rrfK + rank). Linear: each list's scores are normalised over its candidates ({@code
   * norm}); a record missing from a list gets 0 there; the sum is weighted {@code w} for bm25 and 1
   * - w for dense. Ties go to the better bm25 rank, then the lower doc id.
   */
  static ScoreDoc[] fuse(
      ScoreDoc[] words, ScoreDoc[] meaning, Fusion fusion, float w, Norm norm, int rrfK) {
    Map<Integer, Float> score = new HashMap<>();
    Map<Integer, Integer> wordRank = new HashMap<>();
    for (int i = 0; i < words.length; i++) wordRank.put(words[i].doc, i);
    switch (fusion) {
      case RRF -> {
        for (int i = 0; i < words.length; i++)
          score.merge(words[i].doc, 1f / (rrfK + i + 1), Float::sum);
        for (int i = 0; i < meaning.length; i++)
          score.merge(meaning[i].doc, 1f / (rrfK + i + 1), Float::sum);
      }
      case LINEAR -> {
        addNormalised(score, words, w, norm);
        addNormalised(score, meaning, 1 - w, norm);
      }
    }
    List<ScoreDoc> out = new ArrayList<>(score.size());
    score.forEach((doc, s) -> out.add(new ScoreDoc(doc, s)));
    out.sort(
        Comparator.comparingDouble((ScoreDoc d) -> -d.score)
            .thenComparingInt(d -> wordRank.getOrDefault(d.doc, Integer.MAX_VALUE))
            .thenComparingInt(d -> d.doc));
    return out.toArray(ScoreDoc[]::new);
  }

  private static void addNormalised(
      Map<Integer, Float> score, ScoreDoc[] list, float weight, Norm norm) {
    if (list.length == 0) return;
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    double sum = 0;
    double sq = 0;
    for (ScoreDoc d : list) {
      max = Math.max(max, d.score);
      min = Math.min(min, d.score);
      sum += d.score;
      sq += (double) d.score * d.score;
    }
    double mean = sum / list.length;
    double sd = Math.sqrt(Math.max(0, sq / list.length - mean * mean));
    float range = max - min;
    for (ScoreDoc d : list) {
      float n =
          switch (norm) {
            case MINMAX -> range > 0 ? (d.score - min) / range : 1f;
            case MAX -> max > 0 ? d.score / max : 1f;
            case ZSCORE -> sd > 0 ? (float) ((d.score - mean) / sd) : 0f;
          };
      score.merge(d.doc, weight * n, Float::sum);
    }
  }

  /**
   * Nearest neighbours of the query embedding, at most {@code k}, among the records passing the
   * request's filters (applied inside the graph search, so a filter never empties the list).
   */
  private Query dense(SearchRequest request, int k) {
    float[] vector = queryVector(request.query());
    List<Query> filters = filters(request);
    Query filter = null;
    if (!filters.isEmpty()) {
      BooleanQuery.Builder f = new BooleanQuery.Builder();
      filters.forEach(q -> f.add(q, BooleanClause.Occur.FILTER));
      filter = f.build();
    }
    return new KnnFloatVectorQuery(Fields.VECTOR, vector, k, filter);
  }

  /**
   * Runs the nearest-neighbour query and scores each hit prior × max(0, cosine), best first. Lucene
   * scores a dot-product hit (1 + cosine) / 2, which squeezes every hit into [0.5, 1]; the prior
   * multiplied into that would outweigh meaning, so the cosine is recovered first.
   */
  private static ScoreDoc[] denseRanked(IndexSearcher searcher, Query dense, int k)
      throws IOException {
    ScoreDoc[] hits = searcher.search(dense, k).scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc hit : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      NumericDocValues priors = leaf.reader().getNumericDocValues(Fields.PRIOR);
      float prior = 1f;
      if (priors != null && priors.advanceExact(hit.doc - leaf.docBase)) {
        prior = Float.intBitsToFloat((int) priors.longValue());
      }
      hit.score = prior * Math.max(0f, 2 * hit.score - 1);
    }
    Arrays.sort(
        hits, Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return hits;
  }

  /**
   * The dense list completed with the exact prior × cosine of every lexical candidate it lacks, so
   * fusion compares both signals on every candidate instead of treating "not in the top k" as 0.
   */
  private static ScoreDoc[] withExact(
      IndexSearcher searcher, ScoreDoc[] dense, ScoreDoc[] lexical, float[] query)
      throws IOException {
    Set<Integer> have = new java.util.HashSet<>();
    for (ScoreDoc d : dense) have.add(d.doc);
    List<ScoreDoc> out = new ArrayList<>(Arrays.asList(dense));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc hit : lexical) {
      if (!have.add(hit.doc)) continue;
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      int local = hit.doc - leaf.docBase;
      org.apache.lucene.index.FloatVectorValues values =
          leaf.reader().getFloatVectorValues(Fields.VECTOR);
      if (values == null) continue;
      var it = values.iterator();
      if (it.advance(local) != local) continue;
      float cos = Embedder.cosine(query, values.vectorValue(it.index()));
      NumericDocValues priors = leaf.reader().getNumericDocValues(Fields.PRIOR);
      float prior = 1f;
      if (priors != null && priors.advanceExact(local)) {
        prior = Float.intBitsToFloat((int) priors.longValue());
      }
      out.add(new ScoreDoc(hit.doc, prior * Math.max(0f, cos)));
    }
    out.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return out.toArray(ScoreDoc[]::new);
  }

  /** The query's embedding, computed once per normalised query text. */
  float[] queryVector(String query) {
    String key = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    float[] cached = queryVectors.get(key);
    if (cached != null) return cached;
    float[] vector = embedder.orElseThrow().embed(key);
    queryVectors.put(key, vector);
    return vector;
  }

  int cachedQueryVectors() {
    return queryVectors.size();
  }

  private static boolean hasVectors(IndexSearcher searcher) {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(Fields.VECTOR);
      if (info != null && info.getVectorDimension() > 0) return true;
    }
    return false;
  }

  /** The caller's filters (kind, brand, type): exact terms, never scored. */
  private static List<Query> filters(SearchRequest request) {
    List<Query> filters = new ArrayList<>();
    request
        .kind()
        .ifPresent(
            k -> filters.add(new TermQuery(new Term(Fields.KIND, k.toLowerCase(Locale.ROOT)))));
    request
        .brand()
        .ifPresent(
            b -> filters.add(new TermQuery(new Term(Fields.BRAND, DocumentMapper.brandKey(b)))));
    request
        .type()
        .ifPresent(
            t -> filters.add(new TermQuery(new Term(Fields.TYPE, t.toLowerCase(Locale.ROOT)))));
    return filters;
  }

  Query build(SearchRequest request, Keys keys) {
    SimpleQueryParser parser =
        new SimpleQueryParser(analyzer, Map.of(Fields.BODY, 1f)) {
          @Override
          protected Query newDefaultQuery(String text) {
            return words(analyzer, text);
          }
        };
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
    Query text = parser.parse(request.query());
    boolean hasText = text != null && !(text instanceof MatchNoDocsQuery);
    BooleanQuery keysQuery = keysInto(request, keys, new BooleanQuery.Builder()).build();
    boolean hasKeys = !keysQuery.clauses().isEmpty();
    if (!hasText && !hasKeys) return new MatchNoDocsQuery("nothing searchable in the query");
    // One flat disjunction of (mostly) term queries rather than nested ones, same scores: Lucene's
    // MaxScore scorer then sees a single scorer class, and can set aside each clause on its own.
    // Nested, its hot loops were megamorphic and the JIT kept recompiling them under load.
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    if (hasText) addDisjuncts(flat, text, 1f);
    if (hasKeys) {
      float scale =
          hasText ? (float) Math.pow(explained(request.query(), keys), tuning.keyExponent()) : 1f;
      if (scale > 0) addDisjuncts(flat, keysQuery, scale);
    }
    Query combined = flat.build();
    Query scored = new PriorBoostQuery(combined, Fields.PRIOR, DocumentMapper.MAX_PRIOR);
    BooleanQuery.Builder outer = new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST);
    filters(request).forEach(f -> outer.add(f, BooleanClause.Occur.FILTER));
    return outer.build();
  }

  /**
   * The share of the query's words that its keys account for: a word is explained when it is the
   * model or another letters-and-digits token, an error code, a word of a phrase of a recognised
   * symptom, or a name of the recognised brand or product type. Stop words and hashtags (intents,
   * not content) do not count.
   */
  float explained(String query, Keys keys) {
    Set<String> vocab = new java.util.HashSet<>();
    var lexicon = extractor.lexicon();
    for (String id : keys.symptoms())
      lexicon.symptom(id).ifPresent(sy -> sy.phrases().forEach(ph -> vocab.addAll(words(ph))));
    if (!keys.product().brand().isEmpty()) {
      vocab.addAll(words(keys.product().brand()));
      lexicon
          .brand(keys.product().brand())
          .ifPresent(b -> b.aliases().forEach(a -> vocab.addAll(words(a))));
    }
    if (!keys.product().type().isEmpty()) {
      lexicon
          .type(keys.product().type())
          .ifPresent(
              t -> {
                vocab.addAll(words(t.label()));
                t.synonyms().forEach(x -> vocab.addAll(words(x)));
              });
    }
    for (String c : keys.errorCodes()) vocab.add(KeyExtractor.squash(c).toLowerCase(Locale.ROOT));
    int all = 0;
    int known = 0;
    for (String token : query.split("[\\s,;]+")) {
      if (token.startsWith("#")) continue; // a hashtag is an intent, read by GroupedSearch
      String squashed = KeyExtractor.squash(token).toLowerCase(Locale.ROOT);
      List<String> ws = words(token);
      if (ws.isEmpty()) continue;
      boolean modelLike =
          squashed.chars().anyMatch(Character::isDigit)
              && squashed.chars().anyMatch(Character::isLetter);
      if (modelLike || vocab.contains(squashed)) {
        all++;
        known++;
        continue;
      }
      for (String w : ws) {
        all++;
        if (vocab.contains(w)) known++;
      }
    }
    return all == 0 ? 0f : (float) known / all;
  }

  /** Lower-cased words of {@code s} without apostrophes, English stop words dropped. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).replaceAll("['’]", "").split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()
          && !org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w))
        out.add(w);
    }
    return out;
  }

  private BooleanQuery.Builder keysInto(
      SearchRequest request, Keys keys, BooleanQuery.Builder should) {
    if (!keys.product().model().isEmpty()) {
      should.add(
          boost(
              new TermQuery(new Term(Fields.MODEL, KeyExtractor.squash(keys.product().model()))),
              MODEL_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    for (String token : request.query().split("[\\s,;]+")) {
      // Any token mixing letters and digits may be a model the lexicon does not know.
      String squashed = KeyExtractor.squash(token);
      if (squashed.length() >= 3 && squashed.chars().anyMatch(Character::isDigit)) {
        if (squashed.chars().anyMatch(Character::isLetter)) {
          should.add(
              boost(new TermQuery(new Term(Fields.MODEL, squashed)), MODEL_BOOST / 2),
              BooleanClause.Occur.SHOULD);
        }
        for (String part : DocumentMapper.modelParts(token)) {
          if (part.length() >= 3 && Character.isDigit(part.charAt(0))) {
            should.add(
                boost(new TermQuery(new Term(Fields.MODEL_PARTS, part)), MODEL_PART_BOOST),
                BooleanClause.Occur.SHOULD);
          }
        }
      }
    }
    for (String code : keys.errorCodes()) {
      should.add(
          boost(new TermQuery(new Term(Fields.CODES, code)), CODE_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    for (String symptom : keys.symptoms()) {
      should.add(
          boost(new TermQuery(new Term(Fields.SYMPTOMS, symptom)), SYMPTOM_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    if (!keys.product().brand().isEmpty()) {
      should.add(
          boost(
              new TermQuery(
                  new Term(Fields.BRAND, DocumentMapper.brandKey(keys.product().brand()))),
              BRAND_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    if (!keys.product().type().isEmpty()) {
      should.add(
          boost(new TermQuery(new Term(Fields.TYPE, keys.product().type())), TYPE_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    return should;
  }

  /**
   * Adds {@code q} to a disjunction as its own clauses when it is a disjunction itself
   * (recursively), each boosted by {@code boost}; as one clause otherwise.
   */
  private static void addDisjuncts(BooleanQuery.Builder into, Query q, float boost) {
    if (q instanceof BooleanQuery b
        && b.getMinimumNumberShouldMatch() == 0
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
      for (BooleanClause c : b.clauses()) addDisjuncts(into, c.query(), boost);
    } else {
      into.add(boost == 1f ? q : boost(q, boost), BooleanClause.Occur.SHOULD);
    }
  }

  private static Query boost(Query q, float boost) {
    return new BoostQuery(q, boost);
  }

  /**
   * BM25F over title and text, the title weighted 1, for one analysed chunk of the query: plain
   * BM25 over the body that holds both, one term query per word (about twice as fast as a
   * combined-field query over separate fields).
   */
  private static Query words(Analyzer analyzer, String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (!seen.add(t)) continue;
        b.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  private static Set<String> queryWords(String query) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) words.add(w.length() > 5 ? w.substring(0, w.length() - 2) : w);
    }
    return words;
  }

  /**
   * Counts per value of the kind, brand and type facets over the top {@value #FACET_DEPTH} ranked
   * records (all of them when fewer match). Facets describe the relevant results: a
   * natural-language query matches most of a large index on some common word, and counting every
   * match made facets cost more than the search itself (p99 23 ms at 100k records, mostly here).
   */
  private static Map<String, Map<String, Long>> facets(IndexSearcher searcher, ScoreDoc[] top)
      throws IOException {
    String[] dims = {Fields.FACET_KIND, Fields.FACET_BRAND, Fields.FACET_TYPE};
    String[] names = {"kind", "brand", "type"};
    List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    int[] docs = new int[top.length];
    for (int i = 0; i < top.length; i++) docs[i] = top[i].doc;
    Arrays.sort(docs);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int d = 0;
    for (LeafReaderContext leaf : leaves) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      if (d >= docs.length || docs[d] >= end) continue;
      for (int i = 0; i < dims.length; i++) {
        SortedSetDocValues v = leaf.reader().getSortedSetDocValues(dims[i]);
        if (v == null) continue;
        Map<Long, Long> byOrd = new HashMap<>();
        for (int k = d; k < docs.length && docs[k] < end; k++) {
          if (v.advanceExact(docs[k] - leaf.docBase)) {
            for (int j = 0; j < v.docValueCount(); j++) byOrd.merge(v.nextOrd(), 1L, Long::sum);
          }
        }
        for (Map.Entry<Long, Long> e : byOrd.entrySet()) {
          counts.get(i).merge(v.lookupOrd(e.getKey()).utf8ToString(), e.getValue(), Long::sum);
        }
      }
      while (d < docs.length && docs[d] < end) d++;
    }
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (int i = 0; i < dims.length; i++) {
      Map<String, Long> sorted = new LinkedHashMap<>();
      counts.get(i).entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(names[i], sorted);
    }
    return out;
  }
}
