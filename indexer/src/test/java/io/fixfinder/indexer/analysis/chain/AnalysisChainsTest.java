package io.fixfinder.indexer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class AnalysisChainsTest {
  @Test
  void chainNamesAreUniqueAndEveryLanguageHasOne() {
    List<String> names = AnalysisChains.all().stream().map(Chain::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains("prose", "prose_query");
    assertThat(names).containsAll(AnalysisChains.LANGUAGES);
  }

  @Test
  void unknownLanguageNamesTheCode() {
    assertThatThrownBy(() -> AnalysisChains.language("xx")).hasMessageContaining("xx");
    assertThatThrownBy(() -> new Step("Bad-Name", ts -> ts)).hasMessageContaining("Bad-Name");
  }

  @Test
  void insertingAStepKeepsTheOthersInOrder() {
    Step mark = new Step("mark", ts -> ts);
    Chain c = AnalysisChains.PROSE_QUERY.insertBefore("porter", mark, "marked");
    assertThat(c.steps().stream().map(Step::name))
        .containsExactly("folding", "english_stop", "mark", "porter");
    assertThat(AnalysisChains.PROSE_QUERY.steps()).hasSize(3);
  }

  @Test
  void proseKeepsModelNumbersWholeAndAddsTheirDigits() throws IOException {
    assertThat(tokens(AnalysisChains.analyzer(AnalysisChains.PROSE), "The WM-8420X won't drain"))
        .containsExactly("wm8420x", "8420", "wont", "drain");
    assertThat(tokens(AnalysisChains.analyzer(AnalysisChains.PROSE_QUERY), "WM-8420X"))
        .containsExactly("wm8420x");
    assertThat(tokens(AnalysisChains.analyzer(AnalysisChains.language("fr")), "l'eau ne s'évacue"))
        .containsExactly("eau", "evacu");
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    }
    return out;
  }
}
