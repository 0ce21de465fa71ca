package io.fixfinder.indexer.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.Lexicon;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuggesterTest {
  final Suggester suggester =
      new Suggester(
          Lexicon.builtIn(), Map.of("model:WM-8420X", 40L, "model:WM-6210", 3L, "code:E18", 30L));

  @Test
  void completionsAreTheLexiconsEntriesHeaviestFirst() {
    // Aqualine's two WM models, in the order of the weights given above
    assertThat(suggester.suggest("aqualine wm", 5).completions())
        .containsExactly(
            new Suggester.Suggestion("Aqualine WM-8420X", "model", 40),
            new Suggester.Suggestion("Aqualine WM-6210", "model", 3));
    assertThat(suggester.suggest("wm-8", 5).completions())
        .containsExactly(new Suggester.Suggestion("WM-8420X", "model", 40));
    assertThat(suggester.suggest("E1", 5).completions())
        .containsExactly(
            new Suggester.Suggestion("E18 Drain pump blocked", "error-code", 30),
            new Suggester.Suggestion("E15 Water in base (leak protection)", "error-code", 0));
    assertThat(suggester.suggest("E1", 1).completions())
        .containsExactly(new Suggester.Suggestion("E18 Drain pump blocked", "error-code", 30));
  }

  @Test
  void theLastWordIsCompletedAfterWhatCameBefore() {
    List<Suggester.Suggestion> completions =
        suggester.suggest("washing machine won", 5).completions();
    assertThat(completions).hasSize(5);
    assertThat(completions)
        .allSatisfy(
            s -> {
              assertThat(s.text()).startsWithIgnoringCase("washing machine won");
              assertThat(s.kind()).isEqualTo("symptom");
            });
    assertThat(completions)
        .extracting(Suggester.Suggestion::text)
        .contains("washing machine Won't drain");
    assertThat(completions)
        .isSortedAccordingTo(
            Comparator.comparingLong(Suggester.Suggestion::weight)
                .reversed()
                .thenComparing(Suggester.Suggestion::text));
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
  void oddInputGetsNoCompletionsAndNoCorrection() {
    for (String q : new String[] {"", " ", "a", "\u0000", "((((", "é".repeat(300)}) {
      assertThat(suggester.suggest(q, 5))
          .as("input %s", q.length() > 10 ? q.substring(0, 10) + "..." : q)
          .isEqualTo(new Suggester.Suggestions(q, List.of(), ""));
    }
  }
}
