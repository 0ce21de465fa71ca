package io.fixfinder.indexer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemedyTextTest {
  @Test
  void errorCodeSpellingsBecomeOne() {
    for (String spelled : new String[] {"E18", "E-18", "E 18", "E018", "e18", "e-018"})
      assertThat(RemedyText.statement("Shows " + spelled + ", clean the filter."))
          .as(spelled)
          .isEqualTo("Shows E18, clean the filter.");
    assertThat(RemedyText.statement("F-05 then F 5")).isEqualTo("F5 then F5");
  }

  @Test
  void wordsNumbersAndModelNamesAreLeftAsTheyAre() {
    assertThat(RemedyText.statement("Fit a 3 amp fuse, wait 2 minutes"))
        .isEqualTo("Fit a 3 amp fuse, wait 2 minutes");
    assertThat(RemedyText.statement("WM-8420X: E180 and E1234"))
        .isEqualTo("WM-8420X: E180 and E1234");
  }

  @Test
  void linksAndSpacesGo() {
    assertThat(RemedyText.statement("  see https://x.example/a\n\n then   clean it "))
        .isEqualTo("see then clean it");
  }
}
