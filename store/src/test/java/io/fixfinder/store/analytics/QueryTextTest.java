package io.fixfinder.store.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "  Washing   Machine WON'T drain | washing machine won't drain",
        "Kesseler WAK-2840 F21 | kesseler wak-2840 f21",
        "WM8420X error 21 | wm8420x error 21"
      })
  void keepsLowerCasedCollapsedText(String raw, String kept) {
    assertThat(QueryText.normalise(raw)).contains(kept);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane.doe@example.org washer",
        "mail me: jane (at) example org",
        "+44 20 7946 0958",
        "0612-345-678 dryer",
        "serial 123456789",
        "card 4111 1111 1111 1111",
        "   ",
      })
  void neverKeepsPersonalLookingOrBlankText(String raw) {
    assertThat(QueryText.normalise(raw)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void collapsesEveryKindOfWhitespace() {
    assertThat(QueryText.normalise("E18\tdrain\n\u00a0 pump")).contains("e18 drain pump");
  }

  @org.junit.jupiter.api.Test
  void capsLengthWithoutSplittingASurrogatePair() {
    String raw = "a".repeat(QueryText.MAX_CHARS - 1) + "\uD83D\uDD27 spanner";
    String kept = QueryText.normalise(raw).orElseThrow();
    assertThat(kept.length()).isLessThanOrEqualTo(QueryText.MAX_CHARS);
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
  }
}
