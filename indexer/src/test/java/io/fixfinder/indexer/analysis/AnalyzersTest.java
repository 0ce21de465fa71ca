package io.fixfinder.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.analysis.chain.FoldingFilter;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class AnalyzersTest {
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  @Test
  void modelNumbersAreKeptWholeAndGiveTheirNumber() throws IOException {
    assertThat(tokens(Analyzers.prose(), "Aqualine WM-8420X"))
        .containsExactly("aqualin", "wm8420x", "8420");
    assertThat(tokens(Analyzers.prose(), "wm8420x")).containsExactly("wm8420x", "8420");
  }

  @Test
  void errorCodesAreNormalised() throws IOException {
    assertThat(tokens(Analyzers.prose(), "Error E-18 shown")).contains("e18");
    assertThat(tokens(Analyzers.prose(), "error e18")).contains("e18");
    // a hyphen inside ordinary words is left alone
    assertThat(tokens(Analyzers.prose(), "wi-fi")).containsExactly("wi", "fi");
  }

  @Test
  void onlyShortLetterPrefixesJoinTheirDigitsAndOffsetsStayTrue() throws IOException {
    String text = "Error E-18 on WM-8420X, wi-fi, ABCDE-12, x9-5";
    assertThat(tokens(Analyzers.prose(), text))
        .contains("e18", "wm8420x", "wi", "fi", "abcd", "12", "x9", "5")
        .doesNotContain("abcde12");
    try (TokenStream ts = Analyzers.prose().tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offsets =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      List<String> spans = new ArrayList<>();
      while (ts.incrementToken()) {
        spans.add(term + "=" + text.substring(offsets.startOffset(), offsets.endOffset()));
      }
      ts.end();
      assertThat(spans).contains("e18=E-18", "wm8420x=WM-8420X");
    }
  }

  @Test
  void foldingMatchesIcuFoldingOnEveryScript() throws IOException {
    String text =
        "WASHING Machine Spülmaschine LAVE-LINGE Ｅ１８ ﬁlter Ελληνικά ПРАЛЬНА 洗衣机 İstanbul"
            + " straße ÆØÅ Ǆ ½ naïve CAFÉ";
    Analyzer icu = standardThen(org.apache.lucene.analysis.icu.ICUFoldingFilter::new);
    Analyzer ours = standardThen(FoldingFilter::new);
    assertThat(tokens(ours, text)).isEqualTo(tokens(icu, text));
  }

  /** The standard tokenizer followed by one filter. */
  private static Analyzer standardThen(
      java.util.function.Function<org.apache.lucene.analysis.Tokenizer, TokenStream> filter) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        org.apache.lucene.analysis.Tokenizer source =
            new org.apache.lucene.analysis.standard.StandardTokenizer();
        return new TokenStreamComponents(source, filter.apply(source));
      }
    };
  }

  @Test
  void apostrophesAccentsAndStemsMeet() throws IOException {
    assertThat(tokens(Analyzers.prose(), "won't drain")).containsExactly("wont", "drain");
    assertThat(tokens(Analyzers.prose(), "the machine's pump")).containsExactly("machin", "pump");
    assertThat(tokens(Analyzers.prose(), "Spülmaschine")).containsExactly("spulmaschin");
    assertThat(tokens(Analyzers.prose(), "draining")).containsExactly("drain");
  }

  @Test
  void queryAnalysisExpandsLexiconSynonyms() throws IOException {
    Analyzer query = Analyzers.proseQuery(Lexicon.builtIn());
    assertThat(tokens(query, "washer")).contains("washer", "wash", "machin");
    assertThat(tokens(query, "not pumping out")).contains("wont", "drain");
  }

  @Test
  void symptomAndProductSynonymsFindTheOtherWording() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
        add(w, "a", "My washing machine won't drain, water stays in the drum");
        add(w, "b", "Dishwasher is leaking onto the floor");
        add(w, "c", "Coffee machine descaling guide");
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        SimpleQueryParser parser =
            new SimpleQueryParser(Analyzers.queryPerField(Lexicon.builtIn()), Fields.BODY);
        ScoreDoc[] hits = searcher.search(parser.parse("washer doesnt pump out"), 3).scoreDocs;
        assertThat(hits).isNotEmpty();
        assertThat(searcher.storedFields().document(hits[0].doc).get("id")).isEqualTo("a");
        hits = searcher.search(parser.parse("WM-8420X"), 3).scoreDocs;
        assertThat(hits).isEmpty();
      }
    }
  }

  private static void add(IndexWriter w, String id, String text) throws IOException {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    d.add(new TextField(Fields.BODY, text, Field.Store.NO));
    w.addDocument(d);
  }
}
