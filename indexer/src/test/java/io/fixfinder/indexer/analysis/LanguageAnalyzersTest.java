package io.fixfinder.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The per-language prose analysis: inflections meet, stop words and elided articles go. */
class LanguageAnalyzersTest {
  private static List<String> tokens(Language l, String text) throws IOException {
    Analyzer a = Analyzers.language(l);
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body_" + l.code(), text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }

  /** Two inflections of one word are one token in their language. */
  private static void meet(Language l, String a, String b) throws IOException {
    assertThat(tokens(l, a)).as(a + " / " + b).hasSize(1).isEqualTo(tokens(l, b));
  }

  @Test
  void theEnglishAnalysisKeepsGermanPluralsApart() throws IOException {
    assertThat(tokens(Language.EN, "Laugenpumpen"))
        .isNotEqualTo(tokens(Language.EN, "Laugenpumpe"));
    assertThat(tokens(Language.EN, "Heizstäben")).isNotEqualTo(tokens(Language.EN, "Heizstab"));
  }

  @Test
  void inflectionsMeetInTheirLanguage() throws IOException {
    meet(Language.DE, "Laugenpumpen", "Laugenpumpe");
    meet(Language.DE, "Heizstäben", "Heizstab");
    meet(Language.NL, "pompen", "pomp");
    meet(Language.NL, "snoeren", "snoer");
    meet(Language.FR, "fuites", "fuite");
    meet(Language.FR, "chauffées", "chauffe");
    meet(Language.ES, "lavadoras", "lavadora");
    meet(Language.IT, "lavatrici", "lavatrice");
  }

  @Test
  void stopWordsAndElidedArticlesGo() throws IOException {
    assertThat(tokens(Language.DE, "die Pumpe ist nicht")).isEqualTo(tokens(Language.DE, "Pumpe"));
    assertThat(tokens(Language.NL, "het is niet de pomp")).isEqualTo(tokens(Language.NL, "pomp"));
    assertThat(tokens(Language.FR, "l'eau")).isEqualTo(tokens(Language.FR, "eau"));
    assertThat(tokens(Language.IT, "dell'acqua")).isEqualTo(tokens(Language.IT, "acqua"));
    assertThat(tokens(Language.ES, "no hay agua")).isEqualTo(tokens(Language.ES, "agua"));
  }

  @Test
  void accentsFoldAndCodesStayWhole() throws IOException {
    assertThat(tokens(Language.FR, "écran")).isEqualTo(tokens(Language.FR, "ecran"));
    assertThat(tokens(Language.DE, "Türdichtung")).isEqualTo(tokens(Language.DE, "turdichtung"));
    assertThat(tokens(Language.DE, "Fehler E-18")).contains("e18");
  }
}
