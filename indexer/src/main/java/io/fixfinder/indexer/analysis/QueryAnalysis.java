package io.fixfinder.indexer.analysis;

import io.fixfinder.indexer.schema.Fields;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer the searcher parses query words with: {@link Analyzers#prose()} without its number
 * parts. The index keeps them ({@code wm8420x} is also indexed as {@code 8420}, so a query "8420"
 * finds it), but a query's own {@code wm8420x} also searching {@code 8420} counted the model twice
 * and matched every record sharing the digits; measured, it cost nDCG@10 on the development sets
 * (docs/relevance.md). Model numbers in any punctuation still meet through the key fields.
 */
public final class QueryAnalysis {
  private QueryAnalysis() {}

  /** Query prose analysis for the prose fields, keyword for the rest. */
  public static Analyzer perField() {
    Analyzer prose =
        new Analyzer() {
          @Override
          protected Reader initReader(String fieldName, Reader reader) {
            return new CodeHyphenFilter(reader); // "WM-8420X", "E-18": one token
          }

          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new ApostropheFilter(source);
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
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(), Map.of(Fields.TITLE, prose, Fields.TEXT, prose));
  }
}
