package io.fixfinder.indexer.analysis.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The one definition of our analysis chains: the code-hyphen char filter, the standard tokenizer,
 * then a {@link Chain} of named steps. The indexer's analyzers ({@code Analyzers}) and the
 * OpenSearch analysis plugin both build from here, so the two engines cannot drift apart; the
 * plugin compiles this package's sources against the cluster's own Lucene version.
 *
 * <p>This package depends on Lucene's analysis modules only (no FixFinder type), which is what lets
 * the plugin compile it alone. Languages are ISO 639-1 codes ("de").
 *
 * <p>The chains:
 *
 * <ul>
 *   <li>{@link #PROSE}, for writing English prose: folding (possessive and apostrophes off, ICU
 *       folding), number parts ({@code wm8420x} also as {@code 8420}), English stop words, Porter.
 *   <li>{@link #PROSE_QUERY}, for query words: the same without number parts.
 *   <li>{@link #language}, prose of another language, the same when writing and querying: lower
 *       case, French and Italian elided articles off, the language's Snowball stop words (before
 *       folding: the lists are written with accents), folding, the language's light stemmer
 *       (Snowball for Dutch, which has no light one).
 * </ul>
 */
public final class AnalysisChains {
  private AnalysisChains() {}

  /** Positions left between two values of one prose field (the body's title and text). */
  public static final int POSITION_GAP = 100;

  /** The languages with a chain of their own: every one but English. */
  public static final List<String> LANGUAGES = List.of("de", "nl", "fr", "es", "it");

  /** Possessive and apostrophes off, then ICU folding ({@link FoldingFilter}). */
  public static final Step FOLDING = new Step("folding", FoldingFilter::new);

  /** Tokens mixing letters and digits also give their digit runs ({@link NumberPartFilter}). */
  public static final Step NUMBER_PARTS = new Step("number_parts", NumberPartFilter::new);

  /** English stop words (Lucene's classic English set). */
  public static final Step ENGLISH_STOP =
      new Step("english_stop", ts -> new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));

  /** Porter stemming. */
  public static final Step PORTER = new Step("porter", PorterStemFilter::new);

  /** English prose, when writing. */
  public static final Chain PROSE =
      new Chain("prose", List.of(FOLDING, NUMBER_PARTS, ENGLISH_STOP, PORTER));

  /**
   * English prose, when querying: without number parts (a query's own {@code wm8420x} also
   * searching {@code 8420} counted the model twice; measured in docs/relevance.md).
   */
  public static final Chain PROSE_QUERY =
      new Chain("prose_query", List.of(FOLDING, ENGLISH_STOP, PORTER));

  /** English prose without stop words, the base a synonym graph is inserted into. */
  public static final Chain PROSE_QUERY_ALL_WORDS =
      new Chain("prose_query_all_words", List.of(FOLDING, PORTER));

  /** Italian articles that elide before a vowel ("l'acqua", "dell'asciugatrice"). */
  private static final CharArraySet ITALIAN_ARTICLES =
      new CharArraySet(
          List.of(
              "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
              "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"),
          true);

  /** Every chain both engines offer: the English ones and one per other language. */
  public static List<Chain> all() {
    List<Chain> out = new java.util.ArrayList<>(List.of(PROSE, PROSE_QUERY));
    for (String code : LANGUAGES) out.add(language(code));
    return List.copyOf(out);
  }

  /** The chain of the language {@code code} (one of {@link #LANGUAGES}), named by its code. */
  public static Chain language(String code) {
    String lang = code.toLowerCase(Locale.ROOT);
    CharArraySet stops = stopWords(lang);
    List<Step> steps = new java.util.ArrayList<>();
    steps.add(new Step("lowercase", LowerCaseFilter::new));
    if (lang.equals("fr")) {
      steps.add(
          new Step("fr_elision", ts -> new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES)));
    }
    if (lang.equals("it"))
      steps.add(new Step("it_elision", ts -> new ElisionFilter(ts, ITALIAN_ARTICLES)));
    steps.add(new Step(lang + "_stop", ts -> new StopFilter(ts, stops)));
    steps.add(FOLDING);
    steps.add(
        switch (lang) {
          case "de" -> new Step("de_stem", GermanLightStemFilter::new);
          case "nl" -> new Step("nl_stem", ts -> new SnowballFilter(ts, new DutchStemmer()));
          case "fr" -> new Step("fr_stem", FrenchLightStemFilter::new);
          case "es" -> new Step("es_stem", SpanishLightStemFilter::new);
          case "it" -> new Step("it_stem", ItalianLightStemFilter::new);
          default -> throw new IllegalArgumentException("no language chain for " + code);
        });
    return new Chain(lang, steps);
  }

  /** The code-hyphen char filter every chain reads its text through ({@link CodeHyphenFilter}). */
  public static Reader codeHyphens(Reader in) {
    return new CodeHyphenFilter(in);
  }

  /** The tokenizer of every chain: Unicode word breaks. */
  public static Tokenizer tokenizer() {
    return new StandardTokenizer();
  }

  /**
   * An analyzer running {@code chain}: code hyphens, the standard tokenizer, the chain; ICU folding
   * to normalise (wildcard and fuzzy terms); {@link #POSITION_GAP} between values.
   */
  public static Analyzer analyzer(Chain chain) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return codeHyphens(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, chain.apply(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        // a phrase never spans the end of the title and the start of the text
        return POSITION_GAP;
      }
    };
  }

  /**
   * A language's stop words: the Snowball list its Lucene analyzer uses; for English ("en") the
   * Snowball English list (longer than the classic set {@link #ENGLISH_STOP} removes).
   */
  public static CharArraySet stopWords(String code) {
    return switch (code.toLowerCase(Locale.ROOT)) {
      case "en" -> snowball("english_stop.txt");
      case "de" -> GermanAnalyzer.getDefaultStopSet();
      case "nl" -> DutchAnalyzer.getDefaultStopSet();
      case "fr" -> FrenchAnalyzer.getDefaultStopSet();
      case "es" -> SpanishAnalyzer.getDefaultStopSet();
      case "it" -> ItalianAnalyzer.getDefaultStopSet();
      default -> throw new IllegalArgumentException("no stop words for language " + code);
    };
  }

  private static CharArraySet snowball(String file) {
    try (InputStream in = SnowballFilter.class.getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("Lucene's " + file + " is missing");
      return WordlistLoader.getSnowballWordSet(
          IOUtils.getDecodingReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lucene's " + file, e);
    }
  }
}
