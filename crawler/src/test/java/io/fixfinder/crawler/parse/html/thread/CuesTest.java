package io.fixfinder.crawler.parse.html.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cue texts are collapsed by hand instead of by a regex per element: the same result. */
class CuesTest {
  static final String ALPHABET = "ab \t\n\u000B\f\r\u00a0\u2003\u1680x.é";

  @Test
  void collapseIsTheWhiteSpaceRegex() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    Random random = new Random(seed);
    for (int i = 0; i < 5000; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      String text = s.toString();
      assertThat(Cues.collapse(text))
          .as("seed %d (replay with -Dtests.seed=%d), text [%s]", seed, seed, text)
          .isEqualTo(text.replaceAll("[\\s\\u00a0]+", " "));
    }
  }
}
