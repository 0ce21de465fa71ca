package io.fixfinder.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Words are read by code point instead of a regex split: the same words, in any script. */
class ShinglesTest {
  /**
   * Letters, digits of other scripts, letter and other numbers (Ⅻ, ½), a supplementary digit,
   * combining marks, an emoji, punctuation and spaces.
   */
  static final String[] PIECES = {
    "a", "Z", "é", "ß", "İ", "ж", "中", "٣", "Ⅻ", "½", "𝟘", "𝐀", "\u0301", "😀", " ", "-", ".",
    "'", "\n", "\u00a0", "7", "_"
  };

  @Test
  void wordsAreTheRegexSplit() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    Random random = new Random(seed);
    for (int i = 0; i < 5000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(25);
      for (int j = 0; j < n; j++) s.append(PIECES[random.nextInt(PIECES.length)]);
      String text = s.toString();
      List<String> expected = new ArrayList<>();
      for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        if (!w.isEmpty()) expected.add(w);
      assertThat(Shingles.words(text))
          .as("seed %d (replay with -Dtests.seed=%d), text [%s]", seed, seed, text)
          .isEqualTo(expected);
    }
  }

  @Test
  void aSentenceSplitsIntoItsWords() {
    assertThat(Shingles.words("Error E21: the pump (model WM-8420X) hums!"))
        .containsExactly("error", "e21", "the", "pump", "model", "wm", "8420x", "hums");
  }
}
