package io.fixfinder.indexer.search;

import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.confidence.Confidence;
import io.fixfinder.indexer.confidence.Evidence;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import io.fixfinder.indexer.search.ExternalRanking.Plan;
import io.fixfinder.indexer.search.ExternalRanking.Scored;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * The {@link Searcher.Window} of a search another engine retrieved (OpenSearch): from the ranking
 * {@link ExternalRanking} fused and what the engine tells about the records and the index, the same
 * header the embedded searcher gives: facet counts (kind, brand, type; sideways from the request's
 * own filters, the product-type restriction mirrored per value, as {@link Facets} counts them), the
 * calibrated confidence of each candidate and the "answered" verdict ({@link HitEvidence} over an
 * {@link EvidenceProbe} answered from the engine), and the hints of a search without matches
 * ({@link NoMatches}). The engine retrieves and counts; every rule is the embedded code's.
 */
public final class ExternalWindow {
  /** The view of every external window: never an embedded reader, so records are read by id. */
  private static final Object EXTERNAL = new Object();

  private final Analyzer analyzer = io.fixfinder.indexer.analysis.Analyzers.proseQuery();
  private final Lexicon lexicon;

  public ExternalWindow(Lexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  /**
   * What the engine answers for one request (company scope applied to every answer).
   *
   * <p>Field values are keyed by {@link Fields} names, as indexed: {@link Fields#KIND}, {@link
   * Fields#BRAND} (the brand key), {@link Fields#TYPE}, {@link Fields#MODEL}, {@link Fields#CODES},
   * {@link Fields#SYMPTOMS}, {@link Fields#FIX} ("1" or "0"), {@link Fields#PUBLISHED} (epoch
   * seconds) and the facet values {@link Fields#FACET_KIND}, {@link Fields#FACET_BRAND}, {@link
   * Fields#FACET_TYPE}.
   */
  public interface Engine {
    /**
     * Over the records {@code words} and every filter match: per facet field of {@code facets},
     * value to {all, untyped or of {@code named}, of {@code named}} (the last two 0 without one).
     */
    List<Map<String, long[]>> wordFacets(
        Query words, List<Query> filters, List<String> facets, Optional<String> named)
        throws IOException;

    /** Which of {@code ids} {@code words} matches. */
    Set<String> matching(Query words, Collection<String> ids) throws IOException;

    /**
     * Per id of {@code ids}, which of {@code bodyTerms} (analysed) its prose holds, and which of
     * {@code indexTerms} any record holds.
     */
    Terms terms(Collection<String> ids, Collection<String> bodyTerms, Collection<String> indexTerms)
        throws IOException;

    /** Records per product type. */
    Map<String, Long> recordsByType() throws IOException;

    /**
     * The first {@code n} records {@code query} matches in index order (their fields), of how many.
     */
    Sample sample(Query query, int n) throws IOException;
  }

  /** The terms an engine found: per record id, and in the index at all. */
  public record Terms(Map<String, Set<String>> byRecord, Set<String> inIndex) {}

  /** A sample of records by their fields, and how many match in all. */
  public record Sample(List<Map<String, List<String>>> records, long total) {}

  /**
   * The type scope decided on the engine ({@link TypeScope}): the restriction, whether the named
   * type (or other device) is absent, and what was named when absent.
   */
  public record Types(Optional<String> restrictedTo, boolean absent, Optional<String> named) {
    public static final Types NONE = new Types(Optional.empty(), false, Optional.empty());

    TypeScope scope() {
      return new TypeScope(restrictedTo, absent, null, named);
    }
  }

  /**
   * What the engine retrieved for a request.
   *
   * @param mode the mode run
   * @param words the bm25 list best first (scores × prior^e before fusion); empty in dense mode
   * @param neighbours the unfiltered query's dense neighbours (empty in bm25 mode)
   * @param meaning the neighbours passing the filters, in hybrid mode completed with the exact
   *     cosine of the bm25 candidates they lack
   * @param ranked the one ranking, at least the window
   * @param total the total as the embedded searcher counts it
   * @param scope the request's type scope
   * @param base the unfiltered request's type scope
   * @param fields the field values of every record above, by id
   */
  public record Retrieved(
      Retrieval mode,
      List<Scored> words,
      List<Scored> neighbours,
      List<Scored> meaning,
      List<Scored> ranked,
      long total,
      Types scope,
      Types base,
      Map<String, Map<String, List<String>>> fields) {}

  /**
   * What {@link #window} will ask the engine about a request, known before anything is retrieved,
   * so an engine can send these questions with the retrieval itself (one round trip) and answer the
   * window's calls from what came back.
   *
   * @param queryTerms the query's analysed prose terms, as analysed (a repeated term repeats)
   * @param indexTerms the terms of which the index is asked whether any record holds them
   * @param passes the facet counts' passes (the engine is asked for word matches in them unless the
   *     mode is dense)
   */
  public record Questions(
      List<String> queryTerms, List<String> indexTerms, List<FacetPass> passes) {
    /** The query's distinct prose terms: which of them each ranked record holds. */
    public List<String> bodyTerms() {
      return List.copyOf(new LinkedHashSet<>(queryTerms));
    }
  }

  /**
   * One facet pass: the word matches of {@code filters} counted per field of {@code fields} (the
   * dimensions {@code dims}), as {@link Engine#wordFacets} is asked; {@code typeFilter} when the
   * pass keeps the request's type filter.
   */
  public record FacetPass(
      List<Integer> dims, List<String> fields, List<Query> filters, boolean typeFilter) {}

  /** The questions of a request's window (see {@link Questions}). */
  public Questions questions(SearchRequest request, Plan plan) throws IOException {
    List<String> queryTerms = HitEvidence.terms(analyzer, request.query());
    Set<String> indexTerms = new LinkedHashSet<>(queryTerms);
    String type = plan.keys().product().type();
    if (!type.isEmpty()) indexTerms.addAll(HitEvidence.terms(analyzer, type.replace('-', ' ')));
    // one pass per sideways request: a dimension with its own filter is counted without it
    Map<SearchRequest, List<Integer>> bySide = new LinkedHashMap<>();
    for (int d = 0; d < Facets.DIMS.length; d++) {
      boolean own =
          switch (d) {
            case 0 -> request.kind().isPresent();
            case 1 -> request.brand().isPresent();
            default -> request.type().isPresent();
          };
      SearchRequest side = own ? Facets.without(request, d) : request;
      bySide.computeIfAbsent(side, k -> new ArrayList<>()).add(d);
    }
    List<FacetPass> passes = new ArrayList<>();
    bySide.forEach(
        (side, dims) ->
            passes.add(
                new FacetPass(
                    List.copyOf(dims),
                    dims.stream().map(d -> Facets.DIMS[d]).toList(),
                    QueryBuilder.filters(side),
                    side.type().isPresent())));
    return new Questions(List.copyOf(queryTerms), List.copyOf(indexTerms), List.copyOf(passes));
  }

  /** The window of the first {@code n} records of {@code r}. */
  public Searcher.Window window(SearchRequest request, Plan plan, Retrieved r, int n, Engine engine)
      throws IOException {
    Keys keys = plan.keys();
    List<Scored> head = r.ranked().subList(0, Math.min(n, r.ranked().size()));
    Numbering ids = new Numbering();
    ScoreDoc[] docs = ids.docs(head);
    ScoreDoc[] words =
        ids.docs(r.words().subList(0, Math.min(ExternalRanking.CANDIDATES, r.words().size())));
    ScoreDoc[] meaning = r.mode() == Retrieval.BM25 ? null : ids.docs(r.meaning());
    if (r.mode() == Retrieval.DENSE) words = new ScoreDoc[0];
    HitEvidence.Lists lists = new HitEvidence.Lists(words, meaning, r.scope().absent());

    // what the evidence reads, fetched in one answer
    Set<String> read = new LinkedHashSet<>();
    head.forEach(s -> read.add(s.id()));
    ScoreDoc[] nearest = meaning == null ? words : meaning;
    for (int i = 0; i < Math.min(HitEvidence.NEAREST, nearest.length); i++) {
      read.add(ids.id(nearest[i].doc));
    }
    for (int i = 0; i < Math.min(HitEvidence.LIKELY_FROM, words.length); i++) {
      read.add(ids.id(words[i].doc));
    }
    Questions questions = questions(request, plan);
    // the facet counts do not wait for the evidence: their requests run meanwhile
    java.util.concurrent.CompletableFuture<Map<String, Map<String, Long>>> facets =
        EngineCalls.start(() -> facets(request, plan, questions, r, engine));
    List<String> queryTerms = questions.queryTerms();
    Terms terms = engine.terms(read, new LinkedHashSet<>(queryTerms), questions.indexTerms());
    Probe probe = new Probe(ids, r.fields(), terms);

    Evidence[] evidence =
        HitEvidence.evidence(probe, analyzer, request.query(), keys, plan.keyed(), lists, docs);
    Confidence.Calibration calibration = Confidence.of(meaning != null);
    double[] confidence = new double[evidence.length];
    for (int i = 0; i < evidence.length; i++) confidence[i] = calibration.probability(evidence[i]);
    boolean answered =
        calibration.answers(
            Arrays.asList(evidence).subList(0, Math.min(Confidence.TOP, evidence.length)));

    Optional<SearchResponse.NoMatch> noMatch = Optional.empty();
    if (!answered) {
      Hints hints = hints(engine, keys);
      noMatch =
          Optional.of(
              NoMatches.of(
                  lexicon,
                  keys,
                  known(queryTerms, terms),
                  r.scope().scope(),
                  hints.types(),
                  hints.nearby()));
    }
    SearchResponse header =
        new SearchResponse(
            request.query(),
            new SearchResponse.Interpretation(
                keys.product(), keys.errorCodes(), keys.symptoms(), keys.hashtags()),
            r.total(),
            request.page(),
            request.size(),
            List.of(),
            List.of(),
            EngineCalls.join(facets),
            List.of(),
            answered,
            r.scope().restrictedTo(),
            noMatch);
    List<Searcher.Candidate> candidates = new ArrayList<>(head.size());
    for (int i = 0; i < head.size(); i++) {
      Scored s = head.get(i);
      Map<String, List<String>> f = r.fields().getOrDefault(s.id(), Map.of());
      candidates.add(
          new Searcher.Candidate(
              s.id(),
              first(f, Fields.FACET_KIND),
              s.score(),
              "1".equals(first(f, Fields.FIX)),
              published(first(f, Fields.PUBLISHED)),
              docs[i].doc,
              confidence[i]));
    }
    return new Searcher.Window(
        header, candidates, QueryBuilder.snippetWords(request.query()), EXTERNAL);
  }

  // --- facets ---

  private static Map<String, Map<String, Long>> facets(
      SearchRequest request, Plan plan, Questions questions, Retrieved r, Engine engine)
      throws IOException {
    Optional<Query> words =
        r.mode() == Retrieval.DENSE ? Optional.empty() : Optional.of(plan.unfilteredScored());
    TypeScope base = r.base().scope();
    // the neighbours the words match are counted with the word matches
    Set<String> worded =
        words.isEmpty() || r.neighbours().isEmpty()
            ? Set.of()
            : engine.matching(words.get(), r.neighbours().stream().map(Scored::id).toList());
    List<Map<String, Long>> counts = new ArrayList<>(List.of(Map.of(), Map.of(), Map.of()));
    for (FacetPass pass : questions.passes()) {
      List<Integer> dims = pass.dims();
      List<String> fields = pass.fields();
      List<Query> filters = pass.filters();
      List<Map<String, long[]>> lexical =
          words.isEmpty()
              ? dims.stream().map(d -> Map.<String, long[]>of()).toList()
              : engine.wordFacets(words.get(), filters, fields, base.restrictedTo());
      for (int i = 0; i < dims.size(); i++) {
        Map<String, Long> merged = new HashMap<>();
        for (Scored s : r.neighbours()) {
          Map<String, List<String>> f = r.fields().getOrDefault(s.id(), Map.of());
          if (worded.contains(s.id()) || !allMatch(filters, f)) continue;
          for (String v : f.getOrDefault(fields.get(i), List.of())) merged.merge(v, 1L, Long::sum);
        }
        boolean typeFiltered = dims.get(i) == 2 || pass.typeFilter();
        for (Map.Entry<String, long[]> e : lexical.get(i).entrySet()) {
          if (Facets.outsideScope(e.getValue(), base, request)) {
            merged.remove(e.getKey());
            continue;
          }
          long total = Facets.wordTotal(e.getValue(), typeFiltered, base);
          if (total > 0) merged.merge(e.getKey(), total, Long::sum);
        }
        counts.set(dims.get(i), merged);
      }
    }
    return Facets.sorted(counts);
  }

  // --- no matches ---

  private static double known(List<String> queryTerms, Terms terms) {
    if (queryTerms.isEmpty()) return 0;
    long known = queryTerms.stream().filter(terms.inIndex()::contains).count();
    return known / (double) queryTerms.size();
  }

  private List<String> typesByRecords(Engine engine) throws IOException {
    Map<String, Long> byType = engine.recordsByType();
    List<Map.Entry<String, Long>> counts = new ArrayList<>();
    for (Lexicon.ProductType t : lexicon.types()) {
      long n = byType.getOrDefault(t.id(), 0L);
      if (n > 0) counts.add(Map.entry(t.id(), n));
    }
    counts.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return counts.stream().map(Map.Entry::getKey).toList();
  }

  /** What a search without matches suggests: the types by records, the records nearby. */
  private record Hints(List<String> types, List<SearchResponse.Nearby> nearby) {}

  /**
   * The types by records, and as {@link NoMatches#nearby}: a sample of the type's records by brand,
   * else the brand's by type. The three are asked at once (one round trip, not three in turn); the
   * brand's sample is read only when the type's gives nothing.
   */
  private Hints hints(Engine engine, Keys keys) throws IOException {
    String type = keys.product().type();
    String brand = keys.product().brand();
    var byType = EngineCalls.start(() -> typesByRecords(engine));
    var ofType =
        type.isEmpty()
            ? null
            : EngineCalls.start(
                () ->
                    engine.sample(
                        new TermQuery(new org.apache.lucene.index.Term(Fields.TYPE, type)),
                        Facets.DEPTH));
    var ofBrand =
        brand.isEmpty()
            ? null
            : EngineCalls.start(
                () ->
                    engine.sample(
                        new TermQuery(
                            new org.apache.lucene.index.Term(
                                Fields.BRAND, DocumentMapper.brandKey(brand))),
                        Facets.DEPTH));
    List<SearchResponse.Nearby> out = new ArrayList<>();
    if (ofType != null) {
      Sample top = EngineCalls.join(ofType);
      count(top, Fields.FACET_BRAND)
          .forEach((b, n) -> out.add(new SearchResponse.Nearby(type, b, n)));
      if (out.isEmpty() && top.total() > 0) {
        out.add(new SearchResponse.Nearby(type, "", top.total()));
      }
    }
    if (out.isEmpty() && ofBrand != null) {
      Sample top = EngineCalls.join(ofBrand);
      count(top, Fields.FACET_TYPE)
          .forEach((t, n) -> out.add(new SearchResponse.Nearby(t, brand, n)));
    }
    return new Hints(EngineCalls.join(byType), out);
  }

  private static Map<String, Long> count(Sample sample, String field) {
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, List<String>> f : sample.records()) {
      for (String v : f.getOrDefault(field, List.of())) counts.merge(v, 1L, Long::sum);
    }
    int dim = field.equals(Fields.FACET_BRAND) ? 1 : 2;
    List<Map<String, Long>> dims = new ArrayList<>(List.of(Map.of(), Map.of(), Map.of()));
    dims.set(dim, counts);
    return Facets.sorted(dims).get(dim == 1 ? "brand" : "type");
  }

  // --- matching on field values the engine returned ---

  private static boolean allMatch(List<Query> filters, Map<String, List<String>> fields) {
    for (Query q : filters) if (!matches(q, fields, Set.of())) return false;
    return true;
  }

  /**
   * Whether a record of these field values and prose terms matches {@code query}: the queries the
   * evidence and the filters ask (terms, a field's existence, any value of a field, booleans).
   */
  static boolean matches(Query query, Map<String, List<String>> fields, Set<String> body) {
    return switch (query) {
      case TermQuery t ->
          t.getTerm().field().equals(Fields.BODY)
              ? body.contains(t.getTerm().text())
              : fields.getOrDefault(t.getTerm().field(), List.of()).contains(t.getTerm().text());
      case FieldExistsQuery e -> !fields.getOrDefault(e.getField(), List.of()).isEmpty();
      case TermRangeQuery range when range.getLowerTerm() == null && range.getUpperTerm() == null ->
          !fields.getOrDefault(range.getField(), List.of()).isEmpty();
      case MatchAllDocsQuery all -> true;
      case BooleanQuery b -> matches(b, fields, body);
      default -> throw new IllegalArgumentException("not answered from field values: " + query);
    };
  }

  private static boolean matches(
      BooleanQuery b, Map<String, List<String>> fields, Set<String> body) {
    boolean required = false;
    boolean any = false;
    for (BooleanClause c : b.clauses()) {
      boolean m = matches(c.query(), fields, body);
      switch (c.occur()) {
        case MUST, FILTER -> {
          if (!m) return false;
          required = true;
        }
        case MUST_NOT -> {
          if (m) return false;
        }
        case SHOULD -> any |= m;
      }
    }
    return required || any;
  }

  /** The probe of one window: field values and terms the engine returned, by the window's ints. */
  private record Probe(Numbering ids, Map<String, Map<String, List<String>>> fields, Terms terms)
      implements EvidenceProbe {
    @Override
    public boolean inBody(String term) {
      return terms.inIndex().contains(term);
    }

    @Override
    public boolean[] matching(Query query, int[] docs) {
      boolean[] out = new boolean[docs.length];
      for (int i = 0; i < docs.length; i++) {
        String id = ids.id(docs[i]);
        out[i] =
            matches(
                query,
                fields.getOrDefault(id, Map.of()),
                terms.byRecord().getOrDefault(id, Set.of()));
      }
      return out;
    }

    @Override
    public List<String> types(int doc) {
      return fields.getOrDefault(ids.id(doc), Map.of()).getOrDefault(Fields.FACET_TYPE, List.of());
    }
  }

  /** Record ids as the ints of one window's lists. */
  private static final class Numbering {
    private final Map<String, Integer> doc = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    ScoreDoc[] docs(List<Scored> list) {
      ScoreDoc[] out = new ScoreDoc[list.size()];
      for (int i = 0; i < out.length; i++) {
        Scored s = list.get(i);
        out[i] = new ScoreDoc(of(s.id()), s.score());
      }
      return out;
    }

    int of(String id) {
      Integer d = doc.get(id);
      if (d == null) {
        d = ids.size();
        doc.put(id, d);
        ids.add(id);
      }
      return d;
    }

    String id(int d) {
      return ids.get(d);
    }
  }

  private static String first(Map<String, List<String>> f, String field) {
    List<String> v = f.getOrDefault(field, List.of());
    return v.isEmpty() ? "" : v.get(0);
  }

  private static Instant published(String epochSeconds) {
    try {
      return epochSeconds.isEmpty()
          ? Instant.EPOCH
          : Instant.ofEpochSecond(Long.parseLong(epochSeconds));
    } catch (NumberFormatException e) {
      return Instant.EPOCH;
    }
  }
}
