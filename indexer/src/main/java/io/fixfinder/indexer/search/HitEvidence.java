package io.fixfinder.indexer.search;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.confidence.Confidence;
import io.fixfinder.indexer.confidence.Evidence;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.Weight;

/**
 * Gathers the {@link Evidence} of a ranking's records: their scores in the bm25 and dense lists,
 * and whether each record carries the query's product type, brand, model, error codes and symptoms,
 * read as term matches over just the ranked records (no record is read back). A model is only ever
 * agreed with, never contradicted: the distinct models of a large index are too many to test "has
 * another one" cheaply, and another model of the same brand and type is often the same fault
 * anyway.
 */
final class HitEvidence {
  private HitEvidence() {}

  /**
   * What the ranking knew about the query as a whole.
   *
   * @param words the bm25 list (scores before fusion), empty in dense mode
   * @param meaning the dense list with exact cosines, null when the search ran on words alone
   * @param typeAbsent the query names a product type that no matching record has
   */
  record Lists(ScoreDoc[] words, ScoreDoc[] meaning, boolean typeAbsent) {}

  static Evidence[] evidence(
      IndexSearcher searcher,
      Analyzer analyzer,
      String query,
      Keys keys,
      boolean keyed,
      Lists lists,
      ScoreDoc[] ranked)
      throws IOException {
    return evidence(new LuceneProbe(searcher), analyzer, query, keys, keyed, lists, ranked);
  }

  /** As above, over what {@code searcher} (the index or another engine's answers) tells. */
  static Evidence[] evidence(
      EvidenceProbe searcher,
      Analyzer analyzer,
      String query,
      Keys keys,
      boolean keyed,
      Lists lists,
      ScoreDoc[] ranked)
      throws IOException {
    int[] docs = Arrays.stream(ranked).mapToInt(d -> d.doc).toArray();
    Map<Integer, Float> bm25 = scores(lists.words());
    float bm25Top = lists.words().length == 0 ? 0 : lists.words()[0].score;
    Map<Integer, Float> cos = lists.meaning() == null ? Map.of() : scores(lists.meaning());
    double cosTop =
        lists.meaning() == null
            ? Confidence.NEUTRAL_COS_TOP
            : lists.meaning().length == 0 ? 0 : Math.max(0, lists.meaning()[0].score);
    List<String> terms = terms(analyzer, query);
    double known = known(searcher, terms);
    double[] coverage = coverage(searcher, terms, docs);
    ScoreDoc[] nearest =
        lists.meaning() == null
            ? Arrays.copyOf(lists.words(), Math.min(NEAREST, lists.words().length))
            : Arrays.copyOf(lists.meaning(), Math.min(NEAREST, lists.meaning().length));
    double focus = focus(searcher, nearest);
    String type = keys.product().type();
    String brand = keys.product().brand();
    String model = keys.product().model();
    // Off-topic questions ("how to write a cover letter") name no product, brand, code or fault.
    boolean named =
        !type.isEmpty()
            || !brand.isEmpty()
            || !model.isEmpty()
            || !keys.errorCodes().isEmpty()
            || !keys.symptoms().isEmpty()
            || lists.typeAbsent();
    boolean typeMentioned =
        lists.typeAbsent() && !type.isEmpty() && mentioned(searcher, analyzer, type);
    // A type the index talks about but keys no matching record with is most often a part there
    // (the camera of a phone): its records are not of "another type", so fit as if none is named.
    double[] typeFit = typeFit(searcher, typeMentioned ? "" : type, lists, docs, typeMentioned);
    boolean[] hasBrand = none(docs);
    boolean[] anyBrand = none(docs);
    if (!brand.isEmpty()) {
      hasBrand =
          matching(
              searcher,
              new TermQuery(new Term(Fields.BRAND, DocumentMapper.brandKey(brand))),
              docs);
      anyBrand = matching(searcher, new FieldExistsQuery(Fields.FACET_BRAND), docs);
    }
    boolean[] hasModel = none(docs);
    if (!model.isEmpty()) {
      hasModel =
          matching(
              searcher, new TermQuery(new Term(Fields.MODEL, KeyExtractor.squash(model))), docs);
    }
    boolean[] hasCode = none(docs);
    boolean[] anyCode = none(docs);
    if (!keys.errorCodes().isEmpty()) {
      hasCode = matching(searcher, anyOf(Fields.CODES, keys.errorCodes()), docs);
      anyCode =
          matching(
              searcher, TermRangeQuery.newStringRange(Fields.CODES, null, null, true, true), docs);
    }
    boolean[] hasSymptom = none(docs);
    boolean[] anySymptom = none(docs);
    if (!keys.symptoms().isEmpty()) {
      hasSymptom = matching(searcher, anyOf(Fields.SYMPTOMS, keys.symptoms()), docs);
      anySymptom =
          matching(
              searcher,
              TermRangeQuery.newStringRange(Fields.SYMPTOMS, null, null, true, true),
              docs);
    }
    Evidence[] out = new Evidence[docs.length];
    for (int i = 0; i < docs.length; i++) {
      double c =
          lists.meaning() == null
              ? Confidence.NEUTRAL_COS
              : Math.max(0, cos.getOrDefault(docs[i], 0f));
      double b = bm25Top > 0 ? bm25.getOrDefault(docs[i], 0f) / bm25Top : 0;
      out[i] =
          new Evidence(
              c,
              cosTop,
              b,
              1.0 / (1 + i),
              known,
              typeFit[i],
              Evidence.agreement(!brand.isEmpty(), hasBrand[i], anyBrand[i]),
              hasModel[i] ? 1 : 0,
              Evidence.agreement(!keys.errorCodes().isEmpty(), hasCode[i], anyCode[i]),
              Evidence.agreement(!keys.symptoms().isEmpty(), hasSymptom[i], anySymptom[i]),
              lists.typeAbsent() ? 1 : 0,
              keyed ? 1 : 0,
              coverage[i],
              named ? 1 : 0,
              focus,
              typeMentioned ? 1 : 0);
    }
    return out;
  }

  /**
   * How each record fits the product the query is about: +1 / -1 / 0 ({@link Evidence#agreement})
   * when the query names one of our types; -1 for every typed record when it names a device that is
   * none of them ("fridge": no record of ours is one); and when it names nothing, 0.5 for records
   * of the type most of the first {@value #LIKELY_FROM} bm25 matches have (probably what the query
   * is about, not known) and 0 for the rest. {@code asPart}: the query names a type no matching
   * record is keyed with but the index's text mentions ({@link Evidence#typeMentioned}), read as
   * naming nothing (the caller passes no type): a phone record is not "another type" for "dust in
   * the camera".
   */
  static double[] typeFit(
      EvidenceProbe searcher, String type, Lists lists, int[] docs, boolean asPart)
      throws IOException {
    double[] out = new double[docs.length];
    if (!type.isEmpty()) {
      boolean[] has = matching(searcher, new TermQuery(new Term(Fields.TYPE, type)), docs);
      boolean[] any = matching(searcher, new FieldExistsQuery(Fields.FACET_TYPE), docs);
      for (int i = 0; i < docs.length; i++) out[i] = Evidence.agreement(true, has[i], any[i]);
    } else if (lists.typeAbsent() && !asPart) {
      boolean[] any = matching(searcher, new FieldExistsQuery(Fields.FACET_TYPE), docs);
      for (int i = 0; i < docs.length; i++) out[i] = any[i] ? -1 : 0;
    } else {
      ScoreDoc[] first = Arrays.copyOf(lists.words(), Math.min(LIKELY_FROM, lists.words().length));
      Map<String, Integer> types = new HashMap<>();
      for (ScoreDoc d : first)
        for (String t : searcher.types(d.doc)) types.merge(t, 1, Integer::sum);
      if (types.isEmpty()) return out;
      // the most frequent, ties by value (as the facet counts order them)
      String likely =
          types.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .findFirst()
              .orElseThrow()
              .getKey();
      boolean[] has = matching(searcher, new TermQuery(new Term(Fields.TYPE, likely)), docs);
      for (int i = 0; i < docs.length; i++) out[i] = has[i] ? 0.5 : 0;
    }
    return out;
  }

  /** How many of the first bm25 matches say which type a query naming none is likely about. */
  static final int LIKELY_FROM = 10;

  /**
   * The share of the query's words (as the index analyses them) that occur in some record: 0 for
   * gibberish, low for a question about something the index never mentions.
   */
  static double known(IndexSearcher searcher, Analyzer analyzer, String query) throws IOException {
    return known(new LuceneProbe(searcher), terms(analyzer, query));
  }

  private static double known(EvidenceProbe searcher, List<String> terms) throws IOException {
    if (terms.isEmpty()) return 0;
    int known = 0;
    for (String t : terms) {
      if (searcher.inBody(t)) known++;
    }
    return known / (double) terms.size();
  }

  /**
   * Per record, the share of the query's distinct words it contains. A question the index was never
   * about ("how to write a cover letter") may have every word somewhere in the index, yet no one
   * record holds most of them; a fault told in the index's own words has records that do.
   */
  static double[] coverage(EvidenceProbe searcher, List<String> terms, int[] docs)
      throws IOException {
    double[] out = new double[docs.length];
    List<String> distinct = terms.stream().distinct().toList();
    if (distinct.isEmpty()) return out;
    for (String t : distinct) {
      boolean[] has = matching(searcher, new TermQuery(new Term(Fields.BODY, t)), docs);
      for (int i = 0; i < docs.length; i++) if (has[i]) out[i] += 1.0 / distinct.size();
    }
    return out;
  }

  /** How many nearest neighbours {@link #focus} reads. */
  static final int NEAREST = 10;

  /**
   * The share of the first {@value #NEAREST} of {@code nearest} that have the product type most of
   * them have (records of no type count for none): whether the records nearest the query are about
   * one kind of product, as a repair question's are, or scattered, as a question the index was
   * never about finds them. Reads the type of those records only.
   */
  static double focus(EvidenceProbe searcher, ScoreDoc[] nearest) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.min(NEAREST, nearest.length); i++) {
      for (String t : searcher.types(nearest[i].doc)) counts.merge(t, 1, Integer::sum);
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return most / (double) NEAREST;
  }

  /**
   * Whether the index's text uses every word of product type {@code type} (its id's words:
   * "washing-machine" is "washing machine"), though no matching record may be keyed with it.
   */
  static boolean mentioned(EvidenceProbe searcher, Analyzer analyzer, String type)
      throws IOException {
    List<String> words = terms(analyzer, type.replace('-', ' '));
    if (words.isEmpty()) return false;
    for (String w : words) {
      if (!searcher.inBody(w)) return false;
    }
    return true;
  }

  /** The query's words as the index analyses them. */
  static List<String> terms(Analyzer analyzer, String query) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, query)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) terms.add(term.toString());
      ts.end();
    }
    return terms;
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : values) b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
    return b.build();
  }

  private static Map<Integer, Float> scores(ScoreDoc[] list) {
    Map<Integer, Float> out = new HashMap<>();
    for (ScoreDoc d : list) out.merge(d.doc, d.score, Math::max);
    return out;
  }

  private static boolean[] none(int[] docs) {
    return new boolean[docs.length];
  }

  /** Which of {@code docs} (any order) {@code query} matches. */
  static boolean[] matching(EvidenceProbe searcher, Query query, int[] docs) throws IOException {
    return searcher.matching(query, docs);
  }

  /** The index itself as the probe: term statistics, matches and doc values. */
  record LuceneProbe(IndexSearcher searcher) implements EvidenceProbe {
    @Override
    public boolean inBody(String term) throws IOException {
      return searcher.getIndexReader().docFreq(new Term(Fields.BODY, term)) > 0;
    }

    @Override
    public boolean[] matching(Query query, int[] docs) {
      return HitEvidence.matching(searcher, query, docs);
    }

    @Override
    public List<String> types(int doc) throws IOException {
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedSetDocValues types = leaf.reader().getSortedSetDocValues(Fields.FACET_TYPE);
      if (types == null || !types.advanceExact(doc - leaf.docBase)) return List.of();
      List<String> out = new ArrayList<>(types.docValueCount());
      for (int j = 0; j < types.docValueCount(); j++) {
        out.add(types.lookupOrd(types.nextOrd()).utf8ToString());
      }
      return out;
    }
  }

  /** Which of {@code docs} (any order) {@code query} matches in the index. */
  static boolean[] matching(IndexSearcher searcher, Query query, int[] docs) {
    boolean[] out = new boolean[docs.length];
    if (docs.length == 0) return out;
    try {
      Integer[] order = new Integer[docs.length];
      for (int i = 0; i < order.length; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
      Weight weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      int leaf = -1;
      LeafReaderContext context = null;
      DocIdSetIterator it = null;
      for (int i : order) {
        int doc = docs[i];
        while (context == null || doc >= context.docBase + context.reader().maxDoc()) {
          context = leaves.get(++leaf);
          Scorer scorer = weight.scorer(context);
          it = scorer == null ? null : scorer.iterator();
        }
        int local = doc - context.docBase;
        out[i] = it != null && (it.docID() < local ? it.advance(local) : it.docID()) == local;
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
