package io.fixfinder.indexer.search;

import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Counts per value of the kind, brand and type facets such that each count is the total the same
 * search shows once that value is chosen: same words, same retrieval, same definition of the total
 * ({@link Searcher}: the word matches, capped at {@value Searcher#TOTAL_COUNT}, plus the dense
 * neighbours the words do not match). A facet counts "sideways": over the request's results with
 * every filter except its own, so a chosen kind still shows the other kinds with what choosing them
 * instead would give.
 *
 * <p>What makes this affordable is that a filter narrows one candidate set instead of running a new
 * search: the dense neighbours of a filtered search are those of the unfiltered query that pass the
 * filters ({@link #keep}), so a value's dense share is read off the one neighbour list, and the
 * word matches are counted in one pass without scoring (one more pass per facet whose own filter is
 * set), one counter per match for the match's combination of kind, brand and type, read from an
 * array kept per segment ({@link FacetOrds}): the pass visits every match, most of the index for
 * common words, and reading three doc values per match was half of a search's CPU at a million
 * records. The product-type restriction ({@link TypeScope}) is mirrored per value: a filtered
 * search whose words match no record of the named type is not restricted, and its count says so.
 */
final class Facets {
  /**
   * How many top-ranked records a bm25 search reads at least (the evidence its confidence reads),
   * and how many a sample of an index reads ({@code NoMatches}).
   */
  static final int DEPTH = 100;

  static final String[] DIMS = {Fields.FACET_KIND, Fields.FACET_BRAND, Fields.FACET_TYPE};
  private static final String[] NAMES = {"kind", "brand", "type"};
  private static final int TYPE = 2;

  private Facets() {}

  /**
   * What the facets of a search count over.
   *
   * @param words the query's words and key boosts without the caller's filters or the type scope;
   *     empty when the total counts no word matches (dense retrieval)
   * @param request the search, whose filters facets count sideways from
   * @param scope the type scope of the unfiltered query (its dense neighbours are within it)
   * @param neighbours the dense neighbours of the unfiltered query (empty for bm25)
   */
  record Basis(
      Optional<Query> words, SearchRequest request, TypeScope scope, ScoreDoc[] neighbours) {}

  /** The request without its kind, brand and type filters. */
  static SearchRequest unfiltered(SearchRequest r) {
    return without(r, -1);
  }

  /** Whether the request filters by kind, brand or type. */
  static boolean filtered(SearchRequest r) {
    return r.kind().isPresent() || r.brand().isPresent() || r.type().isPresent();
  }

  /** The request without the filter of facet {@code dim} (-1: without any). */
  static SearchRequest without(SearchRequest r, int dim) {
    return new SearchRequest(
        r.query(),
        dim == 0 || dim < 0 ? Optional.empty() : r.kind(),
        dim == 1 || dim < 0 ? Optional.empty() : r.brand(),
        dim == TYPE || dim < 0 ? Optional.empty() : r.type(),
        r.page(),
        r.size(),
        r.mode(),
        r.scope());
  }

  /**
   * The docs of {@code docs} that pass the request's filters, in their order: the dense neighbours
   * of a filtered search (see the class comment for why the filter is not applied in the graph).
   */
  static ScoreDoc[] keep(IndexSearcher searcher, ScoreDoc[] docs, SearchRequest request)
      throws IOException {
    List<Query> filters = QueryBuilder.filters(request);
    if (filters.isEmpty() || docs.length == 0) return docs;
    boolean[] in = matches(searcher, all(filters), docs);
    List<ScoreDoc> out = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) if (in[i]) out.add(docs[i]);
    return out.toArray(ScoreDoc[]::new);
  }

  /** Per facet name, value to count, most frequent first (ties by value); no zero counts. */
  static Map<String, Map<String, Long>> count(IndexSearcher searcher, Basis basis)
      throws IOException {
    // Facets whose sideways request is the same share one pass.
    Map<SearchRequest, List<Integer>> passes = new LinkedHashMap<>();
    for (int d = 0; d < DIMS.length; d++) {
      boolean own =
          switch (d) {
            case 0 -> basis.request().kind().isPresent();
            case 1 -> basis.request().brand().isPresent();
            default -> basis.request().type().isPresent();
          };
      SearchRequest side = own ? without(basis.request(), d) : basis.request();
      passes.computeIfAbsent(side, k -> new ArrayList<>()).add(d);
    }
    List<Map<String, Long>> counts = new ArrayList<>(List.of(Map.of(), Map.of(), Map.of()));
    for (Map.Entry<SearchRequest, List<Integer>> pass : passes.entrySet()) {
      int[] dims = pass.getValue().stream().mapToInt(Integer::intValue).toArray();
      SearchRequest side = pass.getKey();
      List<Map<String, long[]>> lexical = lexical(searcher, basis, side, dims);
      List<Map<String, Long>> dense = dense(searcher, basis, side, dims);
      for (int i = 0; i < dims.length; i++) {
        boolean typeFiltered = dims[i] == TYPE || side.type().isPresent();
        Map<String, Long> merged = new HashMap<>(dense.get(i));
        for (Map.Entry<String, long[]> e : lexical.get(i).entrySet()) {
          if (outsideScope(e.getValue(), basis)) {
            merged.remove(e.getKey());
            continue;
          }
          long n = wordTotal(e.getValue(), typeFiltered, basis.scope());
          if (n > 0) merged.merge(e.getKey(), n, Long::sum);
        }
        counts.set(dims[i], merged);
      }
    }
    return sorted(counts);
  }

  /**
   * Per facet name, value to count over exactly {@code docs} (a sample of the index, as {@code
   * NoMatches} shows products we have), most frequent first.
   */
  static Map<String, Map<String, Long>> count(IndexSearcher searcher, ScoreDoc[] docs)
      throws IOException {
    List<Map<String, Long>> counts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc d : docs) {
      LeafReaderContext leaf =
          leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(d.doc, leaves));
      for (int i = 0; i < DIMS.length; i++) {
        SortedSetDocValues v = leaf.reader().getSortedSetDocValues(DIMS[i]);
        if (v == null || !v.advanceExact(d.doc - leaf.docBase)) continue;
        for (int j = 0; j < v.docValueCount(); j++) {
          counts.get(i).merge(v.lookupOrd(v.nextOrd()).utf8ToString(), 1L, Long::sum);
        }
      }
    }
    return sorted(counts);
  }

  static Map<String, Map<String, Long>> sorted(List<Map<String, Long>> counts) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (int i = 0; i < DIMS.length; i++) {
      Map<String, Long> sorted = new LinkedHashMap<>();
      counts.get(i).entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.put(NAMES[i], sorted);
    }
    return out;
  }

  /**
   * Whether a value would lead outside the results shown: the query is restricted to a product type
   * (and the caller set no type), yet the value's word matches hold none of that type and some of
   * another, so choosing it would lift the restriction ("Coffee machine" or a coffee-machine brand
   * offered on a washing-machine query). Such values are not offered; every value offered counts
   * what it leads to.
   */
  private static boolean outsideScope(long[] c, Basis basis) {
    return outsideScope(c, basis.scope(), basis.request());
  }

  static boolean outsideScope(long[] c, TypeScope scope, SearchRequest request) {
    return scope.restrictedTo().isPresent() && request.type().isEmpty() && c[2] == 0 && c[0] > c[1];
  }

  /**
   * The word matches a search filtered to one value would count: restricted to the named type (and
   * untyped records) when the unfiltered query is and the value's matches include that type, as
   * {@link TypeScope#of} decides for the filtered search; a caller's type filter lifts the scope.
   *
   * @param c the value's matches: all, within the scope, of the named type
   */
  static long wordTotal(long[] c, boolean typeFiltered, TypeScope scope) {
    boolean restricted = !typeFiltered && scope.restrictedTo().isPresent() && c[2] > 0;
    return Math.min(restricted ? c[1] : c[0], Searcher.TOTAL_COUNT);
  }

  /**
   * Per facet of {@code dims}: value to (all, in scope, of the named type) over the word matches.
   */
  private static List<Map<String, long[]>> lexical(
      IndexSearcher searcher, Basis basis, SearchRequest side, int[] dims) throws IOException {
    if (basis.words().isEmpty()) {
      List<Map<String, long[]>> none = new ArrayList<>();
      for (int i = 0; i < dims.length; i++) none.add(Map.of());
      return none;
    }
    List<Query> clauses = new ArrayList<>(QueryBuilder.filters(side));
    clauses.add(basis.words().get());
    Query query = all(clauses);
    Optional<BytesRef> named = basis.scope().restrictedTo().map(BytesRef::new);
    // every match is visited once: a cached bit set of them would be a second pass for nothing
    return Uncached.of(searcher).search(query, new Counting(dims, named));
  }

  /** Per facet of {@code dims}: value to how many dense-only records a search with it shows. */
  private static List<Map<String, Long>> dense(
      IndexSearcher searcher, Basis basis, SearchRequest side, int[] dims) throws IOException {
    List<Map<String, Long>> out = new ArrayList<>();
    for (int i = 0; i < dims.length; i++) out.add(new HashMap<>());
    ScoreDoc[] docs = keep(searcher, basis.neighbours(), side);
    if (docs.length == 0) return out;
    boolean[] worded =
        basis.words().isPresent()
            ? matches(searcher, basis.words().get(), docs)
            : new boolean[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int k = 0; k < docs.length; k++) {
      if (worded[k]) continue; // counted with the word matches
      LeafReaderContext leaf =
          leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(docs[k].doc, leaves));
      for (int i = 0; i < dims.length; i++) {
        SortedSetDocValues v = leaf.reader().getSortedSetDocValues(DIMS[dims[i]]);
        if (v == null || !v.advanceExact(docs[k].doc - leaf.docBase)) continue;
        for (int j = 0; j < v.docValueCount(); j++) {
          out.get(i).merge(v.lookupOrd(v.nextOrd()).utf8ToString(), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  private static Query all(List<Query> clauses) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    clauses.forEach(q -> b.add(q, BooleanClause.Occur.FILTER));
    return b.build();
  }

  /** For each of {@code docs}, whether {@code query} matches it. */
  static boolean[] matches(IndexSearcher searcher, Query query, ScoreDoc[] docs)
      throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
    Weight weight = Uncached.matchWeight(searcher, query);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    boolean[] out = new boolean[docs.length];
    int leaf = -1;
    LeafReaderContext context = null;
    DocIdSetIterator it = null;
    for (int i : order) {
      int doc = docs[i].doc;
      while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
        context = leaves.get(++leaf);
        Scorer scorer = weight.scorer(context);
        it = scorer == null ? null : scorer.iterator();
      }
      int local = doc - context.docBase;
      out[i] = it != null && (it.docID() < local ? it.advance(local) : it.docID()) == local;
    }
    return out;
  }

  /**
   * Counts facet values over every match, by ordinal per segment (no scores, no strings per doc):
   * for each value, all matches, those within the type scope (the named type or no type) and those
   * of the named type.
   */
  private static final class Counting
      implements CollectorManager<Counting.PerSlice, List<Map<String, long[]>>> {
    private final int[] dims;
    private final Optional<BytesRef> named;

    Counting(int[] dims, Optional<BytesRef> named) {
      this.dims = dims;
      this.named = named;
    }

    @Override
    public PerSlice newCollector() {
      return new PerSlice();
    }

    @Override
    public List<Map<String, long[]>> reduce(java.util.Collection<PerSlice> slices) {
      List<Map<String, long[]>> out = new ArrayList<>();
      for (int i = 0; i < dims.length; i++) out.add(new HashMap<>());
      for (PerSlice s : slices) {
        for (int i = 0; i < dims.length; i++) {
          Map<String, long[]> into = out.get(i);
          s.counts.get(i).forEach((k, v) -> add(into, k, v));
        }
      }
      return out;
    }

    private static void add(Map<String, long[]> into, String value, long[] c) {
      long[] have = into.computeIfAbsent(value, k -> new long[3]);
      for (int j = 0; j < 3; j++) have[j] += c[j];
    }

    final class PerSlice implements Collector {
      final List<Map<String, long[]>> counts = new ArrayList<>();

      PerSlice() {
        for (int i = 0; i < dims.length; i++) counts.add(new HashMap<>());
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector fast = fromArrays(context);
        return fast != null ? fast : fromDocValues(context);
      }

      /**
       * The same counts as {@link #fromDocValues} from the segment's cached combinations of values
       * ({@link FacetOrds}): one counter per combination while collecting, turned into counts per
       * value at the end; null when they are not cached (the caller reads doc values).
       */
      private LeafCollector fromArrays(LeafReaderContext context) throws IOException {
        FacetOrds combos = FacetOrds.of(context.reader(), DIMS);
        if (combos == null) return null;
        SortedSetDocValues[] values = new SortedSetDocValues[dims.length];
        long[][] byOrd = new long[dims.length][];
        for (int i = 0; i < dims.length; i++) {
          values[i] = context.reader().getSortedSetDocValues(DIMS[dims[i]]);
          byOrd[i] =
              values[i] == null ? new long[0] : new long[3 * (int) values[i].getValueCount()];
        }
        // a negative lookup (the named type is not in this segment) matches no ordinal
        int target = Integer.MIN_VALUE;
        if (named.isPresent()) {
          SortedSetDocValues types = context.reader().getSortedSetDocValues(Fields.FACET_TYPE);
          long ord = types == null ? -1 : types.lookupTerm(named.get());
          if (ord >= 0) target = (int) ord;
        }
        final int namedOrd = target;
        final int[] combo = combos.combo();
        final long[] perCombo = new long[combos.combinations()];
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) {
            perCombo[combo[doc]]++;
          }

          @Override
          public void finish() throws IOException {
            int[] typeOrds = combos.ords()[TYPE];
            for (int c = 0; c < perCombo.length; c++) {
              long n = perCombo[c];
              if (n == 0) continue;
              // the type is read only when a scope needs it, as fromDocValues does
              int t = named.isPresent() ? typeOrds[c] : FacetOrds.NONE;
              boolean ofNamed = named.isPresent() && t == namedOrd;
              boolean inScope = t == FacetOrds.NONE || ofNamed;
              for (int i = 0; i < dims.length; i++) {
                int o = combos.ords()[dims[i]][c];
                if (o == FacetOrds.NONE) continue;
                long[] counts = byOrd[i];
                int at = 3 * o;
                counts[at] += n;
                if (inScope) counts[at + 1] += n;
                if (ofNamed) counts[at + 2] += n;
              }
            }
            flush(values, byOrd);
          }
        };
      }

      /** Adds a segment's counts by ordinal to this slice's counts by value. */
      private void flush(SortedSetDocValues[] values, long[][] byOrd) throws IOException {
        for (int i = 0; i < values.length; i++) {
          long[] c = byOrd[i];
          for (int ord = 0; 3 * ord < c.length; ord++) {
            if (c[3 * ord] == 0) continue;
            String value = values[i].lookupOrd(ord).utf8ToString();
            add(counts.get(i), value, new long[] {c[3 * ord], c[3 * ord + 1], c[3 * ord + 2]});
          }
        }
      }

      private LeafCollector fromDocValues(LeafReaderContext context) throws IOException {
        SortedSetDocValues[] values = new SortedSetDocValues[dims.length];
        long[][] byOrd = new long[dims.length][];
        for (int i = 0; i < dims.length; i++) {
          values[i] = context.reader().getSortedSetDocValues(DIMS[dims[i]]);
          byOrd[i] =
              values[i] == null ? new long[0] : new long[3 * (int) values[i].getValueCount()];
        }
        // The type is read only when a scope needs it (most queries name no type).
        SortedSetDocValues types =
            named.isPresent() ? context.reader().getSortedSetDocValues(Fields.FACET_TYPE) : null;
        long namedOrd = -1;
        if (named.isPresent() && types != null) namedOrd = types.lookupTerm(named.get());
        final long target = namedOrd;
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            boolean typed = types != null && types.advanceExact(doc);
            boolean ofNamed = false;
            if (typed && target >= 0) {
              for (int j = 0; j < types.docValueCount(); j++) {
                if (types.nextOrd() == target) ofNamed = true;
              }
            }
            boolean inScope = !typed || ofNamed;
            for (int i = 0; i < values.length; i++) {
              SortedSetDocValues v = values[i];
              if (v == null || !v.advanceExact(doc)) continue;
              for (int j = 0; j < v.docValueCount(); j++) {
                int at = 3 * (int) v.nextOrd();
                byOrd[i][at]++;
                if (inScope) byOrd[i][at + 1]++;
                if (ofNamed) byOrd[i][at + 2]++;
              }
            }
          }

          @Override
          public void finish() throws IOException {
            flush(values, byOrd);
          }
        };
      }
    }
  }
}
