package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.json.Json;
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
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Searches the index. The query is understood with the shared {@link KeyExtractor}; what it names
 * (model, error code, symptom, brand, type) boosts matching records but never filters them out.
 * Candidates come from one of three retrieval modes: {@code bm25} (BM25 over title and text plus
 * the key boosts), {@code dense} (nearest neighbours of the query's sentence embedding in the HNSW
 * graph) or {@code hybrid} (both lists, fused by reciprocal rank or by a weighted sum of normalised
 * scores). The record's quality prior multiplies the score in both lists. See {@code
 * docs/ranking.md}.
 *
 * <p>Thread-safe: searches share one {@link SearcherManager}, and query embeddings are cached by
 * normalised query text.
 */
public final class Searcher {
  static final float TITLE_WEIGHT = 2.5f;
  static final float TEXT_WEIGHT = 1.0f;
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
   * Linear fusion: weight of the normalised bm25 score; the dense score gets the rest. Tuned on the
   * development sets (0.5 to 0.8 tried; see docs/relevance.md).
   */
  static final float LINEAR_BM25_WEIGHT = 0.75f;

  private static final int QUERY_VECTOR_CACHE = 1024;

  private final SearcherManager searchers;
  private final KeyExtractor extractor;
  private final Optional<Embedder> embedder;
  private final Retrieval retrieval;
  private final Fusion fusion;
  private final Analyzer analyzer = Analyzers.perField();
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
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        String json = searcher.storedFields().document(docs[i].doc).get(Fields.SOURCE);
        SourceDoc doc = Json.mapper().readValue(json, SourceDoc.class);
        hits.add(
            new SearchResponse.Hit(
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
                docs[i].score,
                doc.alsoAt(),
                doc.details(),
                Optional.empty()));
      }
      Map<String, Map<String, Long>> facets = facets(searcher, ranked.matching());
      return new SearchResponse(
          request.query(),
          new SearchResponse.Interpretation(
              keys.product(), keys.errorCodes(), keys.symptoms(), keys.hashtags()),
          ranked.total(),
          request.page(),
          request.size(),
          List.of(),
          hits,
          facets,
          List.of());
    } finally {
      searchers.release(searcher);
    }
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
  private record Ranked(ScoreDoc[] docs, long total, Query matching) {}

  private Ranked rank(IndexSearcher searcher, SearchRequest request, Keys keys, int want)
      throws IOException {
    Retrieval mode = request.mode().orElse(retrieval);
    if (mode != Retrieval.BM25
        && (embedder.isEmpty() || request.query().isBlank() || !hasVectors(searcher))) {
      mode = Retrieval.BM25;
    }
    Query lexical = build(request, keys);
    int depth = Math.max(want, CANDIDATES);
    switch (mode) {
      case BM25 -> {
        TopDocs top = searcher.search(lexical, new TopScoreDocCollectorManager(want, 10_000));
        return new Ranked(top.scoreDocs, top.totalHits.value(), lexical);
      }
      case DENSE -> {
        Query dense = dense(request, depth);
        ScoreDoc[] top = denseRanked(searcher, dense, depth);
        return new Ranked(head(top, want), top.length, dense);
      }
      case HYBRID -> {
        TopDocs words = searcher.search(lexical, new TopScoreDocCollectorManager(depth, 10_000));
        Query dense = dense(request, depth);
        ScoreDoc[] meaning = denseRanked(searcher, dense, depth);
        ScoreDoc[] fused = fuse(words.scoreDocs, meaning, fusion);
        Query union =
            new BooleanQuery.Builder()
                .add(lexical, BooleanClause.Occur.SHOULD)
                .add(dense, BooleanClause.Occur.SHOULD)
                .build();
        long total = Math.max(words.totalHits.value(), fused.length);
        return new Ranked(head(fused, want), total, union);
      }
      default -> throw new IllegalStateException("unknown retrieval " + mode);
    }
  }

  private static ScoreDoc[] head(ScoreDoc[] docs, int n) {
    return docs.length <= n ? docs : Arrays.copyOf(docs, n);
  }

  /**
   * Merges the bm25 and dense candidate lists (each already ranked with the prior). RRF: each list
   * gives 1 / ({@value #RRF_K} + rank). Linear: each list's scores are min-max normalised to [0, 1]
   * over its candidates; a record missing from a list gets 0 there; the sum is weighted {@value
   * #LINEAR_BM25_WEIGHT} for bm25. Ties go to the better bm25 rank, then the lower doc id.
   */
  static ScoreDoc[] fuse(ScoreDoc[] words, ScoreDoc[] meaning, Fusion fusion) {
    Map<Integer, Float> score = new HashMap<>();
    Map<Integer, Integer> wordRank = new HashMap<>();
    for (int i = 0; i < words.length; i++) wordRank.put(words[i].doc, i);
    switch (fusion) {
      case RRF -> {
        for (int i = 0; i < words.length; i++)
          score.merge(words[i].doc, 1f / (RRF_K + i + 1), Float::sum);
        for (int i = 0; i < meaning.length; i++)
          score.merge(meaning[i].doc, 1f / (RRF_K + i + 1), Float::sum);
      }
      case LINEAR -> {
        addNormalised(score, words, LINEAR_BM25_WEIGHT);
        addNormalised(score, meaning, 1 - LINEAR_BM25_WEIGHT);
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

  private static void addNormalised(Map<Integer, Float> score, ScoreDoc[] list, float weight) {
    if (list.length == 0) return;
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    for (ScoreDoc d : list) {
      max = Math.max(max, d.score);
      min = Math.min(min, d.score);
    }
    float range = max - min;
    for (ScoreDoc d : list) {
      float n = range > 0 ? (d.score - min) / range : 1f;
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
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    SimpleQueryParser parser =
        new SimpleQueryParser(
            analyzer, Map.of(Fields.TITLE, TITLE_WEIGHT, Fields.TEXT, TEXT_WEIGHT));
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
    Query text = parser.parse(request.query());
    boolean any = false;
    if (text != null && !(text instanceof MatchNoDocsQuery)) {
      should.add(text, BooleanClause.Occur.SHOULD);
      any = true;
    }
    if (!keys.product().model().isEmpty()) {
      should.add(
          boost(
              new TermQuery(new Term(Fields.MODEL, KeyExtractor.squash(keys.product().model()))),
              MODEL_BOOST),
          BooleanClause.Occur.SHOULD);
      any = true;
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
        any = true;
      }
    }
    for (String code : keys.errorCodes()) {
      should.add(
          boost(new TermQuery(new Term(Fields.CODES, code)), CODE_BOOST),
          BooleanClause.Occur.SHOULD);
      any = true;
    }
    for (String symptom : keys.symptoms()) {
      should.add(
          boost(new TermQuery(new Term(Fields.SYMPTOMS, symptom)), SYMPTOM_BOOST),
          BooleanClause.Occur.SHOULD);
      any = true;
    }
    if (!keys.product().brand().isEmpty()) {
      should.add(
          boost(
              new TermQuery(
                  new Term(Fields.BRAND, DocumentMapper.brandKey(keys.product().brand()))),
              BRAND_BOOST),
          BooleanClause.Occur.SHOULD);
      any = true;
    }
    if (!keys.product().type().isEmpty()) {
      should.add(
          boost(new TermQuery(new Term(Fields.TYPE, keys.product().type())), TYPE_BOOST),
          BooleanClause.Occur.SHOULD);
      any = true;
    }
    if (!any) return new MatchNoDocsQuery("nothing searchable in the query");
    Query scored =
        FunctionScoreQuery.boostByValue(
            should.build(), DoubleValuesSource.fromFloatField(Fields.PRIOR));
    BooleanQuery.Builder outer = new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST);
    filters(request).forEach(f -> outer.add(f, BooleanClause.Occur.FILTER));
    return outer.build();
  }

  private static Query boost(Query q, float boost) {
    return new BoostQuery(q, boost);
  }

  private static Set<String> queryWords(String query) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) words.add(w.length() > 5 ? w.substring(0, w.length() - 2) : w);
    }
    return words;
  }

  /** Counts per value of the kind, brand and type facets over every matching record. */
  private static Map<String, Map<String, Long>> facets(IndexSearcher searcher, Query query)
      throws IOException {
    String[] dims = {Fields.FACET_KIND, Fields.FACET_BRAND, Fields.FACET_TYPE};
    String[] names = {"kind", "brand", "type"};
    List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    searcher.search(
        query,
        new SimpleCollector() {
          private final SortedSetDocValues[] values = new SortedSetDocValues[dims.length];

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            for (int i = 0; i < dims.length; i++)
              values[i] = context.reader().getSortedSetDocValues(dims[i]);
          }

          @Override
          public void collect(int doc) throws IOException {
            for (int i = 0; i < dims.length; i++) {
              SortedSetDocValues v = values[i];
              if (v != null && v.advanceExact(doc)) {
                for (int j = 0; j < v.docValueCount(); j++) {
                  String value = v.lookupOrd(v.nextOrd()).utf8ToString();
                  counts.get(i).merge(value, 1L, Long::sum);
                }
              }
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
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
