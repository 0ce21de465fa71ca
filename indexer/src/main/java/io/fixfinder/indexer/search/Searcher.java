package io.fixfinder.indexer.search;

import io.fixfinder.core.json.Json;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
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
 * Text relevance is BM25 over title and text; the record's quality prior multiplies the score. See
 * {@code docs/ranking.md}.
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

  private final SearcherManager searchers;
  private final KeyExtractor extractor;
  private final Analyzer analyzer = Analyzers.perField();

  public Searcher(SearcherManager searchers, KeyExtractor extractor) {
    this.searchers = searchers;
    this.extractor = extractor;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    Keys keys = extractor.extract(request.query());
    Query query = build(request, keys);
    IndexSearcher searcher = searchers.acquire();
    try {
      int want = request.page() * request.size();
      TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(want, 10_000));
      List<SearchResponse.Hit> hits = new ArrayList<>();
      Set<String> words = queryWords(request.query());
      ScoreDoc[] docs = top.scoreDocs;
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
                java.util.Optional.empty()));
      }
      Map<String, Map<String, Long>> facets = facets(searcher, query);
      return new SearchResponse(
          request.query(),
          new SearchResponse.Interpretation(
              keys.product(), keys.errorCodes(), keys.symptoms(), keys.hashtags()),
          top.totalHits.value(),
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
    request
        .kind()
        .ifPresent(
            k ->
                outer.add(
                    new TermQuery(new Term(Fields.KIND, k.toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER));
    request
        .brand()
        .ifPresent(
            b ->
                outer.add(
                    new TermQuery(new Term(Fields.BRAND, DocumentMapper.brandKey(b))),
                    BooleanClause.Occur.FILTER));
    request
        .type()
        .ifPresent(
            t ->
                outer.add(
                    new TermQuery(new Term(Fields.TYPE, t.toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER));
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
