package io.fixfinder.indexer.analysis;

import io.fixfinder.indexer.schema.Fields;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the schema. Prose: Unicode word breaks, apostrophes dropped ("won't" and "wont"
 * meet), ICU folding (case and accents, so "Spülmaschine" and "spulmaschine" meet and text in other
 * languages stays findable), English stop words and Porter stemming. Key fields are indexed as
 * given (already normalised by the key extractor).
 */
public final class Analyzers {
  private static final Pattern APOSTROPHES = Pattern.compile("['’`]");

  private Analyzers() {}

  public static Analyzer prose() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new PatternReplaceFilter(ts, APOSTROPHES, "", true);
        ts = new ICUFoldingFilter(ts);
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(in);
      }
    };
  }

  /** The analyzer for writing and query parsing: prose for prose fields, keyword for the rest. */
  public static Analyzer perField() {
    Analyzer prose = prose();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(), Map.of(Fields.TITLE, prose, Fields.TEXT, prose));
  }
}
