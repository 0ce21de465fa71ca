package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.confidence.Confidence;
import io.fixfinder.indexer.embed.Embedder;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Searches the index: the orchestrator of a search. The query is understood with the shared {@link
 * KeyExtractor}; what it names (model, error code, symptom, brand, type) boosts matching records
 * but never filters them out ({@link QueryBuilder}). Candidates come from one of three retrieval
 * modes: {@code bm25} (BM25F over title and text plus key boosts scaled by how much of the query
 * the keys explain), {@code dense} (nearest neighbours of the query's sentence embedding in the
 * HNSW graph, {@link DenseRanking}) or {@code hybrid} (both lists, fused by a learned combination
 * of scores and query shape, {@link LearnedFusion}, or by reciprocal rank or a weighted sum of
 * normalised scores, {@link ScoreFusion}). The record's quality prior multiplies the score in both
 * lists. A filter narrows the unfiltered query's candidates: word matches get the filter, dense
 * neighbours are the unfiltered query's that pass it, so facet counts ({@link Facets}) are the
 * totals the filters give. See {@code docs/ranking.md}.
 *
 * <p>A query's ranking does not depend on the page asked: every page is a slice of one ordered
 * list, with one total, so walking the pages shows each record once.
 *
 * <p>Thread-safe: searches share one {@link SearcherManager}, and query embeddings are cached by
 * normalised query text ({@link QueryVectors}).
 */
public final class Searcher {
  /** Candidates taken from each list (bm25 and dense) before fusion. */
  static final int CANDIDATES = 100;

  /**
   * Matches are counted exactly up to this many; past it the total says this many (counting them
   * all would cost more than the search).
   */
  static final int TOTAL_COUNT = 10_000;

  private final Tuning tuning;
  private final SearcherManager searchers;
  private final KeyExtractor extractor;
  private final Optional<QueryVectors> vectors;
  private final Retrieval retrieval;
  private final Fusion fusion;
  private final QueryBuilder queries;
  private final io.fixfinder.core.understand.Lexicon lexicon;
  private final Optional<Embedder> embedder;

  /** Whether a query naming a product type is restricted to it ({@link TypeScope}). */
  private final boolean typeScope;

  /** The index's own analysis of words, to tell which of the query's words it knows. */
  private final org.apache.lucene.analysis.Analyzer analyzer =
      io.fixfinder.indexer.analysis.Analyzers.proseQuery();

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
    this(searchers, extractor, embedder, retrieval, fusion, tuning, true);
  }

  private Searcher(
      SearcherManager searchers,
      KeyExtractor extractor,
      Optional<Embedder> embedder,
      Retrieval retrieval,
      Fusion fusion,
      Tuning tuning,
      boolean typeScope) {
    this.typeScope = typeScope;
    this.embedder = embedder;
    this.tuning = Objects.requireNonNull(tuning, "tuning");
    this.searchers = Objects.requireNonNull(searchers, "searchers");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.vectors =
        Objects.requireNonNull(embedder, "embedder")
            .map(e -> new QueryVectors(e, QueryVectors.DEFAULT_MAX_BYTES));
    this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
    this.fusion = Objects.requireNonNull(fusion, "fusion");
    this.queries =
        new QueryBuilder(extractor.lexicon(), tuning.keyExponent(), tuning.priorExponent());
    this.lexicon = extractor.lexicon();
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
    IndexSearcher base = searchers.acquire();
    try {
      // the scope beneath every filter: out-of-scope records are not in this view at all
      IndexSearcher searcher = ScopedReader.searcher(base, request.scope());
      Ranked ranked = rank(searcher, request, keys, request.page() * request.size());
      List<SearchResponse.Hit> hits = new ArrayList<>();
      Set<String> words = QueryBuilder.snippetWords(request.query());
      ScoreDoc[] docs = ranked.docs();
      var stored = searcher.storedFields();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        hits.add(
            hit(RecordLookup.read(stored, docs[i].doc), docs[i].score, words)
                .withConfidence(Confidence.rounded(ranked.confidence()[i])));
      }
      return response(request, keys, ranked, hits, searcher);
    } finally {
      searchers.release(base);
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
    IndexSearcher base = searchers.acquire();
    try {
      // the scope beneath every filter: out-of-scope records are not in this view at all
      IndexSearcher searcher = ScopedReader.searcher(base, request.scope());
      Ranked ranked = rank(searcher, request, keys, n);
      ScoreDoc[] docs = ranked.docs();
      Candidate[] out = new Candidate[docs.length];
      Integer[] order = new Integer[docs.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      int leaf = -1;
      SortedDocValues ids = null;
      SortedSetDocValues kinds = null;
      NumericDocValues fixes = null;
      NumericDocValues published = null;
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
        Instant when =
            published != null && published.advanceExact(local)
                ? Instant.ofEpochSecond(published.longValue())
                : Instant.EPOCH;
        out[i] = new Candidate(id, kind, docs[i].score, fix, when, doc, ranked.confidence()[i]);
      }
      return new Window(
          response(request, keys, ranked, List.of(), searcher),
          List.of(out),
          QueryBuilder.snippetWords(request.query()),
          base.getIndexReader());
    } finally {
      searchers.release(base);
    }
  }

  /** An ungrouped response: the interpretation, total, these hits and the facets of the ranking. */
  private SearchResponse response(
      SearchRequest request,
      Keys keys,
      Ranked ranked,
      List<SearchResponse.Hit> hits,
      IndexSearcher searcher)
      throws IOException {
    boolean answered = ranked.answered();
    return new SearchResponse(
        request.query(),
        new SearchResponse.Interpretation(
            keys.product(), keys.errorCodes(), keys.symptoms(), keys.hashtags()),
        ranked.total(),
        request.page(),
        request.size(),
        List.of(),
        hits,
        Facets.count(searcher, ranked.facets()),
        List.of(),
        answered,
        ranked.scope().restrictedTo(),
        answered
            ? Optional.empty()
            : Optional.of(
                NoMatches.of(
                    searcher,
                    lexicon,
                    keys,
                    HitEvidence.known(searcher, analyzer, request.query()),
                    ranked.scope())));
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
      Instant published,
      int doc,
      double confidence) {}

  /**
   * The records of some of a window's candidates, by record id. Read by Lucene doc id when the
   * index has not been refreshed since the window was ranked (the usual case: no term lookups);
   * otherwise by record id through {@code records}.
   */
  public Map<String, SourceDoc> read(Window window, List<Candidate> which, RecordLookup records)
      throws IOException {
    return read(window, which, List.of(), records);
  }

  /**
   * As {@link #read(Window, List, RecordLookup)}, and also the records with ids {@code others}
   * (records outside the window, such as an issue group's top record of a kind), all read in one
   * pass from the same view.
   */
  public Map<String, SourceDoc> read(
      Window window, List<Candidate> which, Collection<String> others, RecordLookup records)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      if (searcher.getIndexReader() != window.view()) {
        List<String> ids = new ArrayList<>(which.size() + others.size());
        for (Candidate c : which) ids.add(c.id());
        ids.addAll(others);
        return records.byIds(ids);
      }
      List<Integer> docs = new ArrayList<>(which.size());
      for (Candidate c : which) docs.add(c.doc());
      return RecordLookup.read(searcher.getIndexReader(), docs, others);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * This searcher's windows, their records read by Lucene doc id (or through {@code records} when
   * the index was refreshed since the window was ranked).
   */
  public RankedWindows windows(RecordLookup records) {
    Searcher self = this;
    return new RankedWindows() {
      @Override
      public Window window(SearchRequest request, int n) throws IOException {
        return self.window(request, n);
      }

      @Override
      public Map<String, SourceDoc> read(
          Window window, List<Candidate> which, Collection<String> others) throws IOException {
        return self.read(window, which, others, records);
      }
    };
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
            Optional.empty())
        .withSource(
            doc.displaySite(), doc.thumbnail().isEmpty() ? "" : "/thumbs/" + doc.thumbnail());
  }

  /**
   * The record ids of the request's page in ranking order: the same ranking as {@link #search},
   * without snippets, facets or reading the stored records (evaluation runs thousands of these).
   */
  public List<String> rankIds(SearchRequest request) throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher base = searchers.acquire();
    try {
      // the scope beneath every filter: out-of-scope records are not in this view at all
      IndexSearcher searcher = ScopedReader.searcher(base, request.scope());
      ScoreDoc[] docs = rank(searcher, request, keys, request.page() * request.size()).docs();
      List<String> ids = new ArrayList<>();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        ids.add(searcher.storedFields().document(docs[i].doc, ID_ONLY).get(Fields.ID));
      }
      return ids;
    } finally {
      searchers.release(base);
    }
  }

  private static final Set<String> ID_ONLY = Set.of(Fields.ID);

  /**
   * The request's page as record ids with the probability of relevance of each, and whether the
   * search counts as answered (evaluation: as {@link #rankIds} plus what the response would say).
   */
  public Judged judge(SearchRequest request) throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher base = searchers.acquire();
    try {
      // the scope beneath every filter: out-of-scope records are not in this view at all
      IndexSearcher searcher = ScopedReader.searcher(base, request.scope());
      Ranked ranked = rank(searcher, request, keys, request.page() * request.size());
      ScoreDoc[] docs = ranked.docs();
      List<String> ids = new ArrayList<>();
      List<Double> confidence = new ArrayList<>();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        ids.add(searcher.storedFields().document(docs[i].doc, ID_ONLY).get(Fields.ID));
        confidence.add(ranked.confidence()[i]);
      }
      return new Judged(ids, confidence, ranked.answered(), ranked.scope().absent());
    } finally {
      searchers.release(base);
    }
  }

  /** Ranked ids, their probabilities of relevance, answered, the named type absent. */
  public record Judged(
      List<String> ids, List<Double> confidence, boolean answered, boolean typeAbsent) {}

  /**
   * The same searcher without the restriction to the query's product type (evaluation measures what
   * the restriction costs or gains).
   */
  public Searcher withoutTypeScope() {
    Searcher s = new Searcher(searchers, extractor, embedder, retrieval, fusion, tuning, false);
    return s;
  }

  /**
   * The ranked top {@code want} documents, how many match in all, and what the facets count over.
   */
  private record Ranked(
      ScoreDoc[] docs,
      long total,
      Facets.Basis facets,
      double[] confidence,
      TypeScope scope,
      boolean answered) {
    List<Double> confidences() {
      return Arrays.stream(confidence).boxed().toList();
    }
  }

  /**
   * The first {@code want} records of the query's one ranking. The ranking itself does not depend
   * on {@code want}: the lists fused are always the top {@value #CANDIDATES} of each side, deeper
   * records follow in bm25 order, and the total is the same for every page.
   */
  private Ranked rank(IndexSearcher searcher, SearchRequest request, Keys keys, int want)
      throws IOException {
    Retrieval mode = request.mode().orElse(retrieval);
    if (mode != Retrieval.BM25
        && (vectors.isEmpty()
            || !QueryText.hasText(request.query())
            || !DenseRanking.hasVectors(searcher))) {
      mode = Retrieval.BM25;
    }
    Query lexical = queries.build(request, keys);
    TypeScope scope = scope(searcher, request, keys, lexical);
    // Facets and the dense side start from the unfiltered query (see Facets).
    SearchRequest unfiltered = Facets.filtered(request) ? Facets.unfiltered(request) : request;
    Query words = unfiltered == request ? lexical : queries.build(unfiltered, keys);
    TypeScope base = unfiltered == request ? scope : scope(searcher, unfiltered, keys, words);
    lexical = scope.restrict(lexical);
    boolean keyed = keyed(request, keys);
    switch (mode) {
      case BM25 -> {
        TopDocs top = lexical(searcher, lexical, Math.max(want, Facets.DEPTH));
        ScoreDoc[] docs = head(top.scoreDocs, want);
        HitEvidence.Lists lists =
            new HitEvidence.Lists(head(top.scoreDocs, CANDIDATES), null, scope.absent());
        return ranked(
            searcher,
            request,
            keys,
            keyed,
            lists,
            scope,
            docs,
            total(top.totalHits),
            new Facets.Basis(Optional.of(words), request, base, new ScoreDoc[0]));
      }
      case DENSE -> {
        float[] vector = vectors.orElseThrow().of(request.query());
        ScoreDoc[] all =
            DenseRanking.neighbours(searcher, unfiltered, vector, CANDIDATES, base.filter());
        ScoreDoc[] top = Facets.keep(searcher, all, request);
        HitEvidence.Lists lists = new HitEvidence.Lists(new ScoreDoc[0], top, scope.absent());
        Facets.Basis facets = new Facets.Basis(Optional.empty(), request, base, all);
        return ranked(
            searcher, request, keys, keyed, lists, scope, head(top, want), top.length, facets);
      }
      case HYBRID -> {
        TopDocs top = lexical(searcher, lexical, Math.max(want, CANDIDATES));
        Hybrid in = hybridInput(searcher, request, keys, top, base);
        ScoreDoc[] fused = fuse(in, fusion);
        ScoreDoc[] ranking = thenTheRest(fused, top.scoreDocs, want);
        long total =
            total(top.totalHits)
                + notMatching(searcher, lexical, fused, in.words().docs(), in.words().complete());
        HitEvidence.Lists lists =
            new HitEvidence.Lists(in.words().docs(), in.meaning().docs(), scope.absent());
        Facets.Basis facets = new Facets.Basis(Optional.of(words), request, base, in.neighbours());
        return ranked(
            searcher, request, keys, keyed, lists, scope, head(ranking, want), total, facets);
      }
      default -> throw new IllegalStateException("unknown retrieval " + mode);
    }
  }

  private Ranked ranked(
      IndexSearcher searcher,
      SearchRequest request,
      Keys keys,
      boolean keyed,
      HitEvidence.Lists lists,
      TypeScope scope,
      ScoreDoc[] docs,
      long total,
      Facets.Basis facets)
      throws IOException {
    io.fixfinder.indexer.confidence.Evidence[] evidence =
        HitEvidence.evidence(searcher, analyzer, request.query(), keys, keyed, lists, docs);
    Confidence.Calibration calibration = Confidence.of(lists.meaning() != null);
    double[] confidence = new double[evidence.length];
    for (int i = 0; i < evidence.length; i++) confidence[i] = calibration.probability(evidence[i]);
    boolean answered =
        calibration.answers(
            Arrays.asList(evidence).subList(0, Math.min(Confidence.TOP, evidence.length)));
    return new Ranked(docs, total, facets, confidence, scope, answered);
  }

  private TypeScope scope(IndexSearcher searcher, SearchRequest request, Keys keys, Query lexical)
      throws IOException {
    TypeScope scope = TypeScope.of(searcher, request, keys, lexical, lexicon.otherDevices());
    return typeScope || scope.absent() ? scope : TypeScope.NONE;
  }

  /**
   * The evidence of the first {@code n} results of {@code request} in its mode (hybrid or bm25),
   * for the tuning harness.
   */
  io.fixfinder.indexer.confidence.Evidence[] evidence(SearchRequest request, int n)
      throws IOException {
    Keys keys = extractor.extract(request.query());
    IndexSearcher searcher = searchers.acquire();
    try {
      Retrieval mode = request.mode().orElse(retrieval);
      if (mode == Retrieval.DENSE) throw new IllegalArgumentException("hybrid or bm25 only");
      Query lexical = queries.build(request, keys);
      TypeScope scope = scope(searcher, request, keys, lexical);
      lexical = scope.restrict(lexical);
      TopDocs top = lexical(searcher, lexical, Math.max(n, CANDIDATES));
      if (mode == Retrieval.BM25) {
        return HitEvidence.evidence(
            searcher,
            analyzer,
            request.query(),
            keys,
            keyed(request, keys),
            new HitEvidence.Lists(head(top.scoreDocs, CANDIDATES), null, scope.absent()),
            head(top.scoreDocs, n));
      }
      Hybrid in = hybridInput(searcher, request, keys, top, scope);
      ScoreDoc[] ranking = head(thenTheRest(fuse(in, fusion), top.scoreDocs, n), n);
      return HitEvidence.evidence(
          searcher,
          analyzer,
          request.query(),
          keys,
          keyed(request, keys),
          new HitEvidence.Lists(in.words().docs(), in.meaning().docs(), scope.absent()),
          ranking);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * What hybrid fusion is given for one query: the bm25 candidates (complete when they are every
   * match), the dense ones completed with the exact cosine of every bm25 candidate, the query text
   * and whether it names a model or a code; {@code neighbours} are the unfiltered query's nearest
   * neighbours, of which {@code meaning} holds those passing the request's filters.
   */
  record Hybrid(
      RankedList words, RankedList meaning, String query, boolean keyed, ScoreDoc[] neighbours) {}

  /** {@code scope}: the unfiltered query's type scope, which its dense neighbours are within. */
  private Hybrid hybridInput(
      IndexSearcher searcher, SearchRequest request, Keys keys, TopDocs top, TypeScope scope)
      throws IOException {
    ScoreDoc[] words = head(top.scoreDocs, CANDIDATES);
    boolean allMatches =
        top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
            && top.totalHits.value() <= words.length;
    float[] vector = vectors.orElseThrow().of(request.query());
    ScoreDoc[] neighbours =
        DenseRanking.neighbours(
            searcher, Facets.unfiltered(request), vector, tuning.denseK(), scope.filter());
    ScoreDoc[] meaning = Facets.keep(searcher, neighbours, request);
    meaning = DenseRanking.withExact(searcher, meaning, words, vector);
    return new Hybrid(
        new RankedList(words, allMatches),
        RankedList.cut(meaning),
        request.query(),
        keyed(request, keys),
        neighbours);
  }

  /** The fused candidates of {@code in} under {@code how}. */
  ScoreDoc[] fuse(Hybrid in, Fusion how) {
    if (how == Fusion.LEARNED) {
      return LearnedFusion.fuse(
          in.words(),
          in.meaning(),
          LearnedFusion.Shape.of(in.query(), in.keyed()),
          LearnedFusion.WEIGHTS);
    }
    float w = ScoreFusion.bm25Weight(tuning, in.keyed(), in.words().docs());
    return ScoreFusion.fuse(in.words(), in.meaning(), how, w, tuning.norm(), tuning.rrfK());
  }

  /**
   * The fusion input of a hybrid search for {@code request} and the record id of every Lucene doc
   * in it, for the tuning harness: it replays fusion variants over the real candidates without
   * searching again. Null when the request cannot run hybrid (no vectors, no text).
   */
  HybridCandidates hybridCandidates(SearchRequest request) throws IOException {
    if (vectors.isEmpty() || !QueryText.hasText(request.query())) return null;
    Keys keys = extractor.extract(request.query());
    IndexSearcher searcher = searchers.acquire();
    try {
      if (!DenseRanking.hasVectors(searcher)) return null;
      Query lexical = queries.build(request, keys);
      TypeScope scope = scope(searcher, request, keys, lexical);
      lexical = scope.restrict(lexical);
      TopDocs top = lexical(searcher, lexical, CANDIDATES);
      Hybrid in = hybridInput(searcher, request, keys, top, scope);
      Map<Integer, String> ids = new java.util.HashMap<>();
      var stored = searcher.storedFields();
      for (RankedList l : List.of(in.words(), in.meaning())) {
        for (ScoreDoc d : l.docs()) {
          if (!ids.containsKey(d.doc)) {
            ids.put(d.doc, stored.document(d.doc, ID_ONLY).get(Fields.ID));
          }
        }
      }
      return new HybridCandidates(in, ids);
    } finally {
      searchers.release(searcher);
    }
  }

  /** A hybrid query's fusion input and the record ids of its Lucene docs. */
  record HybridCandidates(Hybrid input, Map<Integer, String> ids) {}

  /** How many query embeddings the cache holds (0 without an embedder). */
  long cachedQueryVectors() {
    return vectors.map(QueryVectors::size).orElse(0L);
  }

  private static TopDocs lexical(IndexSearcher searcher, Query query, int n) throws IOException {
    return searcher.search(query, new TopScoreDocCollectorManager(n, TOTAL_COUNT));
  }

  /**
   * The exact count up to {@value #TOTAL_COUNT}, that many beyond: the same on every page, and what
   * {@link Facets} counts to.
   */
  private static long total(TotalHits hits) {
    return Math.min(hits.value(), TOTAL_COUNT);
  }

  /**
   * A query naming a model or an error code is a lookup, whatever else it says; so is one whose
   * every word its keys account for (a product type and a symptom, in any language the lexicon
   * knows): the records those keys select are its answer, whatever a sentence model makes of words
   * it was not trained on.
   */
  private boolean keyed(SearchRequest request, Keys keys) {
    return !keys.product().model().isEmpty()
        || !keys.errorCodes().isEmpty()
        || QueryBuilder.hasModelToken(request.query())
        || (!keys.symptoms().isEmpty() && queries.explained(request.query(), keys) == 1f);
  }

  /** The fused list, then the bm25 ranking past its candidates, up to {@code want} records. */
  private static ScoreDoc[] thenTheRest(ScoreDoc[] fused, ScoreDoc[] words, int want) {
    if (fused.length >= want || words.length <= CANDIDATES) return fused;
    Set<Integer> have = new HashSet<>();
    List<ScoreDoc> out = new ArrayList<>(Arrays.asList(fused));
    for (ScoreDoc d : fused) have.add(d.doc);
    for (int i = CANDIDATES; i < words.length && out.size() < want; i++) {
      if (have.add(words[i].doc)) out.add(words[i]);
    }
    return out.toArray(ScoreDoc[]::new);
  }

  /**
   * How many fused records the words do not match (dense neighbours only), so that the total counts
   * every record a page can show once: the matches plus those.
   */
  private static int notMatching(
      IndexSearcher searcher, Query lexical, ScoreDoc[] fused, ScoreDoc[] words, boolean allMatches)
      throws IOException {
    if (allMatches) return fused.length - words.length; // the words list holds every match
    Set<Integer> matched = new HashSet<>();
    for (ScoreDoc d : words) matched.add(d.doc);
    int[] others =
        Arrays.stream(fused).mapToInt(d -> d.doc).filter(d -> !matched.contains(d)).toArray();
    if (others.length == 0) return 0;
    Arrays.sort(others);
    Weight weight = Uncached.matchWeight(searcher, lexical);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int notMatching = 0;
    int leaf = -1;
    LeafReaderContext context = null;
    DocIdSetIterator it = null;
    for (int doc : others) {
      while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
        context = leaves.get(++leaf);
        Scorer scorer = weight.scorer(context);
        it = scorer == null ? null : scorer.iterator();
      }
      int local = doc - context.docBase;
      if (it == null || (it.docID() < local ? it.advance(local) : it.docID()) != local)
        notMatching++;
    }
    return notMatching;
  }

  private static ScoreDoc[] head(ScoreDoc[] docs, int n) {
    return docs.length <= n ? docs : Arrays.copyOf(docs, n);
  }
}
