package io.fixfinder.indexer.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggesterTest {
  final Suggester suggester =
      new Suggester(
          Lexicon.builtIn(), Map.of("model:WM-8420X", 40L, "model:WM-6210", 3L, "code:E18", 30L));

  @Test
  void completesModelsCodesAndSymptoms() {
    assertThat(suggester.suggest("aqualine wm", 5).completions())
        .extracting(Suggester.Suggestion::text)
        .startsWith("Aqualine WM-8420X");
    assertThat(suggester.suggest("E1", 5).completions())
        .extracting(Suggester.Suggestion::text)
        .contains("E18 Drain pump blocked");
    assertThat(suggester.suggest("washing machine won", 10).completions())
        .extracting(Suggester.Suggestion::text)
        .anyMatch(t -> t.equalsIgnoreCase("washing machine won't drain"));
  }

  @Test
  void didYouMeanFixesMisspellings() {
    assertThat(suggester.suggest("whasing machine", 5).didYouMean()).isEqualTo("washing machine");
    assertThat(suggester.suggest("dishwahser leaking", 5).didYouMean())
        .isEqualTo("dishwasher leaking");
    assertThat(suggester.suggest("washing machine", 5).didYouMean()).isEmpty();
    assertThat(suggester.suggest("whasing machne", 5).didYouMean()).isEqualTo("washing machine");
    assertThat(suggester.suggest("coffe machien leaknig", 5).didYouMean())
        .isEqualTo("coffee machine leaking");
  }

  @Test
  void oddInputIsHarmless() {
    for (String q : new String[] {"", " ", "a", "\u0000", "((((", "é".repeat(300)}) {
      assertThat(suggester.suggest(q, 5)).isNotNull();
    }
  }
}
