package io.fixfinder.indexer.analysis;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.analysis.chain.AnalysisChains;
import io.fixfinder.indexer.analysis.chain.Chain;
import io.fixfinder.indexer.analysis.chain.Step;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the schema.
 *
 * <p>Prose, when indexing: Unicode word breaks; a hyphen between a short letter prefix and digits
 * is dropped first, so {@code WM-8420X} and {@code wm8420x} are one token and {@code E-18} is
 * {@code e18}; apostrophes dropped ("won't" and "wont" meet); ICU folding (case and accents, so
 * "Spülmaschine" and "spulmaschine" meet and text in other languages stays findable); tokens mixing
 * letters and digits are kept whole and also give their number ({@code wm8420x} also as {@code
 * 8420}); English stop words; Porter stemming.
 *
 * <p>Prose, when querying ({@link #proseQuery()}): the same without number parts (see there).
 *
 * <p>With synonyms ({@link #proseQuery(Lexicon)}, measured and not used by search): the lexicon's
 * phrases as synonyms (every phrase of a symptom stands for the others: "not pumping out" also
 * searches "won't drain"; every name of a product type for the others), and no stop-word removal
 * (stop words are not in the index, so they match nothing, and removing them inside a synonym graph
 * would break it). Search meets symptom wordings through the symptom key field instead: records and
 * queries are keyed by the same phrases. Key fields are indexed as given (already normalised by the
 * key extractor).
 */
public final class Analyzers {
  private Analyzers() {}

  /** Prose analysis for writing the index. */
  public static Analyzer prose() {
    return prose(true, true, null);
  }

  /**
   * Prose analysis for query words: the index's without number parts. The index keeps them ({@code
   * wm8420x} is also indexed as {@code 8420}, so a query "8420" finds it), but a query's own {@code
   * wm8420x} also searching {@code 8420} counted the model twice and matched every record sharing
   * the digits; measured, it cost nDCG@10 on the development sets (docs/relevance.md). Model
   * numbers in any punctuation still meet through the key fields.
   */
  public static Analyzer proseQuery() {
    return prose(false, true, null);
  }

  /**
   * Query prose with the lexicon's synonyms (see the class comment). Measured on the development
   * sets it lost more than it gained (product-type names expand across categories), so searches do
   * not use it; it stays for the evaluation of synonym changes.
   */
  public static Analyzer proseQuery(Lexicon lexicon) {
    return prose(false, false, synonyms(lexicon));
  }

  private static Analyzer prose(boolean numberParts, boolean stopWords, SynonymMap synonyms) {
    Chain chain =
        numberParts
            ? AnalysisChains.PROSE
            : stopWords ? AnalysisChains.PROSE_QUERY : AnalysisChains.PROSE_QUERY_ALL_WORDS;
    if (synonyms != null && synonyms.fst != null) {
      Step graph = new Step("synonyms", ts -> new SynonymGraphFilter(ts, synonyms, true));
      chain = chain.insertBefore(AnalysisChains.PORTER.name(), graph, chain.name() + "_synonyms");
    }
    return AnalysisChains.analyzer(chain);
  }

  /** Positions left between two values of one prose field (the body's title and text). */
  static final int POSITION_GAP = AnalysisChains.POSITION_GAP;

  private static TokenStream folded(Tokenizer source) {
    return AnalysisChains.FOLDING.filter().apply(source);
  }

  /**
   * Equivalence groups from the lexicon data files: each symptom's phrases, each product type's
   * names. Phrases are analysed like query text (folded, apostrophes dropped) before entering the
   * map, so they meet the query's tokens.
   */
  static SynonymMap synonyms(Lexicon lexicon) {
    Analyzer parse =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, folded(source));
          }
        };
    SynonymMap.Parser parser =
        new SynonymMap.Parser(true, parse) {
          @Override
          public void parse(Reader in) {
            throw new UnsupportedOperationException("groups are added from the lexicon");
          }
        };
    for (Lexicon.Symptom symptom : lexicon.symptoms()) addGroup(parser, symptom.phrases());
    for (Lexicon.ProductType type : lexicon.types()) addGroup(parser, type.synonyms());
    try {
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the synonym map", e);
    }
  }

  private static void addGroup(SynonymMap.Parser parser, java.util.List<String> phrases) {
    java.util.List<org.apache.lucene.util.CharsRef> analysed = new java.util.ArrayList<>();
    for (String phrase : phrases) {
      try {
        org.apache.lucene.util.CharsRef ref =
            parser.analyze(phrase, new org.apache.lucene.util.CharsRefBuilder());
        if (ref.length > 0) analysed.add(ref);
      } catch (IOException | IllegalArgumentException e) {
        // a phrase that analyses to nothing usable (only punctuation) is no synonym
      }
    }
    for (org.apache.lucene.util.CharsRef from : analysed) {
      for (org.apache.lucene.util.CharsRef to : analysed) {
        if (!from.equals(to)) parser.add(from, to, false);
      }
    }
  }

  /** The analyzer for writing: prose for prose fields, keyword for the rest. */
  public static Analyzer perField() {
    return perField(prose());
  }

  /** The analyzer searches parse query words with: {@link #proseQuery()} for prose fields. */
  public static Analyzer queryPerField() {
    return perField(proseQuery());
  }

  /** As {@link #queryPerField()} with the lexicon's synonyms ({@link #proseQuery(Lexicon)}). */
  public static Analyzer queryPerField(Lexicon lexicon) {
    return perField(proseQuery(lexicon));
  }

  private static Analyzer perField(Analyzer prose) {
    Map<String, Analyzer> fields = new java.util.HashMap<>();
    fields.put(Fields.BODY, prose);
    fields.put(Fields.TOOLS, prose);
    for (Language l : Language.OTHERS) fields.put(Fields.bodyIn(l.code()), language(l));
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
  }

  /**
   * Prose in one of the other languages, for its own field ({@link Fields#bodyIn}), the same when
   * indexing and querying: the code hyphen and the word breaks of {@link #prose()}, lower case,
   * French and Italian elided articles off ("l'eau" is "eau"), the language's Snowball stop words,
   * folding as in {@link #prose()}, then the language's stemmer: Lucene's light stemmers for
   * German, French, Spanish and Italian (they conflate plural and inflection, not derivation, which
   * suits short fault texts), Snowball for Dutch (Lucene has no light Dutch stemmer). Stop words go
   * before folding because the lists are written with accents. No German decompounding: Lucene's
   * needs a word dictionary, and none ships with it.
   */
  public static Analyzer language(Language language) {
    if (language == Language.EN) return prose();
    return AnalysisChains.analyzer(AnalysisChains.language(language.code()));
  }
}
