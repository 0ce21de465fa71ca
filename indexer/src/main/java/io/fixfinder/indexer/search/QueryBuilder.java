package io.fixfinder.indexer.search;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.analysis.Analyzers;
import io.fixfinder.indexer.analysis.Language;
import io.fixfinder.indexer.analysis.LanguageDetector;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The lexical query of a search: BM25 over the body for the user's words, plus boosts for the keys
 * the query names (model, error code, symptom, brand, type) scaled by how much of the query the
 * keys explain, the record's prior multiplied in, and the caller's filters. Also reads the query's
 * tokens for the other parts of search (is it a lookup of a model? which words does a snippet
 * mark?), so a token is judged one way everywhere.
 */
final class QueryBuilder {
  static final float MODEL_BOOST = 6f;
  static final float MODEL_PART_BOOST = 1.5f;
  static final float CODE_BOOST = 4f;
  static final float SYMPTOM_BOOST = 2f;
  static final float BRAND_BOOST = 1.5f;
  static final float TYPE_BOOST = 1.5f;

  /**
   * The weight of a query word found among a guide's tools, supplies and parts, beside its weight 1
   * in the body: low, so equipment finds a guide that never names it in its steps without
   * outranking guides whose text is about the words (docs/extraction.md, "How-to guides").
   */
  static final float TOOLS_WEIGHT = 0.3f;

  /**
   * The weight of a query word matched in the stemmed field of a language detected in the query
   * ({@link Fields#bodyIn}), beside its weight 1 in the body: 1, set before measuring (a word
   * matched in its own language counts as much as in English); of 0.5, 1 and 2, ords picks 1 and
   * multilingual 0.5, each within 0.003 of the other's choice held out (docs/relevance.md, "Other
   * languages"; the sweep is reproduced by editing this constant).
   */
  static final float LANGUAGE_WEIGHT = 1f;

  private final Analyzer analyzer = Analyzers.queryPerField();
  private final Lexicon lexicon;
  private final float keyExponent;
  private final float priorExponent;

  QueryBuilder(Lexicon lexicon, float keyExponent) {
    this(lexicon, keyExponent, 1f);
  }

  /** With the record's prior counted as prior^{@code priorExponent} ({@link PriorBoostQuery}). */
  QueryBuilder(Lexicon lexicon, float keyExponent, float priorExponent) {
    this.lexicon = lexicon;
    this.keyExponent = keyExponent;
    this.priorExponent = priorExponent;
  }

  /** The query's tokens as typed: split on spaces, commas and semicolons. */
  static List<String> tokens(String query) {
    List<String> out = new ArrayList<>();
    for (String t : query.split("[\\s,;]+")) if (!t.isEmpty()) out.add(t);
    return out;
  }

  /**
   * Whether a squashed token (see {@link KeyExtractor#squash}) may be a model number: at least
   * three characters mixing letters and digits. The one test of "model-like" in search.
   */
  static boolean modelLike(String squashed) {
    return squashed.length() >= 3
        && squashed.chars().anyMatch(Character::isDigit)
        && squashed.chars().anyMatch(Character::isLetter);
  }

  /** Whether any token of the query may be a model number. */
  static boolean hasModelToken(String query) {
    return tokens(query).stream().anyMatch(t -> modelLike(KeyExtractor.squash(t)));
  }

  /** The lexical query: words, key boosts and the prior; the caller's filters as filters. */
  Query build(SearchRequest request, Keys keys) {
    Set<Language> languages = LanguageDetector.get().ofQuery(request.query());
    SimpleQueryParser parser =
        new SimpleQueryParser(analyzer, Map.of(Fields.BODY, 1f)) {
          @Override
          protected Query newDefaultQuery(String text) {
            return words(analyzer, text, languages);
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
      float scale = hasText ? (float) Math.pow(explained(request.query(), keys), keyExponent) : 1f;
      if (scale > 0) addDisjuncts(flat, keysQuery, scale);
    }
    Query scored =
        new PriorBoostQuery(flat.build(), Fields.PRIOR, DocumentMapper.MAX_PRIOR, priorExponent);
    BooleanQuery.Builder outer = new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST);
    filters(request).forEach(f -> outer.add(f, BooleanClause.Occur.FILTER));
    return outer.build();
  }

  /** The caller's filters (kind, brand, type): exact terms, never scored. */
  static List<Query> filters(SearchRequest request) {
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

  /**
   * The share of the query's words that its keys account for: a word is explained when it is the
   * model or another model-like token, an error code, a word of a phrase of a recognised symptom,
   * or a name of the recognised brand or product type. Stop words and hashtags (intents, not
   * content) do not count.
   */
  float explained(String query, Keys keys) {
    Set<String> vocab = new HashSet<>();
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
    for (String token : tokens(query)) {
      if (token.startsWith("#")) continue; // a hashtag is an intent, read by GroupedSearch
      String squashed = KeyExtractor.squash(token).toLowerCase(Locale.ROOT);
      List<String> ws = words(token);
      if (ws.isEmpty()) continue;
      if (modelLike(squashed) || vocab.contains(squashed)) {
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

  private static final java.util.regex.Pattern APOSTROPHES =
      java.util.regex.Pattern.compile("['’]");
  private static final java.util.regex.Pattern NON_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Lower-cased words of {@code s} without apostrophes, English stop words dropped. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    // compiled once: String.replaceAll and split compile their pattern on every call
    String flat = APOSTROPHES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    for (String w : NON_WORD.split(flat)) {
      if (!w.isEmpty() && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) out.add(w);
    }
    return out;
  }

  private static BooleanQuery.Builder keysInto(
      SearchRequest request, Keys keys, BooleanQuery.Builder should) {
    if (!keys.product().model().isEmpty()) {
      should.add(
          boost(
              new TermQuery(new Term(Fields.MODEL, KeyExtractor.squash(keys.product().model()))),
              MODEL_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    for (String token : tokens(request.query())) {
      // Any model-like token may be a model the lexicon does not know; its digit-led parts (and
      // a number alone) may be the model's number written on its own.
      String squashed = KeyExtractor.squash(token);
      if (modelLike(squashed)) {
        should.add(
            boost(new TermQuery(new Term(Fields.MODEL, squashed)), MODEL_BOOST / 2),
            BooleanClause.Occur.SHOULD);
      }
      if (squashed.length() >= 3 && squashed.chars().anyMatch(Character::isDigit)) {
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
  private static Query words(Analyzer analyzer, String text, Set<Language> languages) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Set<String> seen = new HashSet<>();
    if (LANGUAGE_WEIGHT > 0) {
      for (Language l : languages) {
        String field = Fields.bodyIn(l.code());
        Set<String> terms = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            if (terms.add(term.toString())) {
              b.add(
                  boost(new TermQuery(new Term(field, term.toString())), LANGUAGE_WEIGHT),
                  BooleanClause.Occur.SHOULD);
            }
          }
          ts.end();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    // A stop word of the query's detected language is no content word in the English body
    // either: "die", "nicht", "niet" would otherwise match every record in that language. Not
    // when the query gave no evidence and is searched in every language.
    if (languages.size() < Language.OTHERS.size() && LanguageDetector.isStopWord(text, languages)) {
      BooleanQuery q = b.build();
      return q.clauses().isEmpty() ? null : q;
    }
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (seen.add(t)) {
          b.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
          b.add(
              boost(new TermQuery(new Term(Fields.TOOLS, t)), TOOLS_WEIGHT),
              BooleanClause.Occur.SHOULD);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? null : q;
  }

  /** The query's words a snippet marks: longer than two letters, long ones cut to a stem. */
  static Set<String> snippetWords(String query) {
    Set<String> words = new java.util.LinkedHashSet<>();
    for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) words.add(w.length() > 5 ? w.substring(0, w.length() - 2) : w);
    }
    return words;
  }
}
