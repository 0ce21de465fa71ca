package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The excerpt is chosen without copying each candidate window; checked against the plain definition
 * (copy each window, count the query words it contains) on random texts. The seed is printed;
 * {@code -Dtests.seed=N} replays it.
 */
class SnippetsTest {
  private static final String[] VOCABULARY = {
    "drain", "draining", "pump", "filter", "E18", "water", "the", "does", "not", "error",
    "hose", "blocked", "clean", "Aqualine", "screen", "battery", "ok", "a", "İstanbul", "x"
  };

  @Test
  void choosesTheWindowThePlainDefinitionChooses() {
    long seed = Long.getLong("tests.seed", new Random().nextLong());
    System.out.println("SnippetsTest seed " + seed + " (replay with -Dtests.seed=" + seed + ")");
    Random r = new Random(seed);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int words = r.nextInt(400);
      for (int w = 0; w < words; w++) {
        text.append(VOCABULARY[r.nextInt(VOCABULARY.length)]);
        text.append(r.nextInt(10) == 0 ? "\n\t " : " ");
      }
      Set<String> query = new HashSet<>();
      int q = r.nextInt(5);
      for (int k = 0; k < q; k++)
        query.add(VOCABULARY[r.nextInt(VOCABULARY.length)].toLowerCase(Locale.ROOT));
      String t = text.toString();
      assertThat(Snippets.of(t, query))
          .as("text %s, words %s", t, query)
          .isEqualTo(plain(t, query));
    }
  }

  @Test
  void aShortTextIsShownWholeWithItsSpacesFolded() {
    assertThat(Snippets.of("  drain\n\tpump  blocked ", Set.of("pump")))
        .isEqualTo("drain pump blocked");
  }

  /** The definition: every window copied and searched (how it was computed before). */
  private static String plain(String text, Set<String> queryWords) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= Snippets.LENGTH) return flat;
    String lower = flat.toLowerCase(Locale.ROOT);
    int bestStart = 0;
    int bestScore = -1;
    List<String> words = queryWords.stream().filter(w -> w.length() > 2).toList();
    for (int start = 0; start < flat.length(); start += 40) {
      int end = Math.min(flat.length(), start + Snippets.LENGTH);
      String window = lower.substring(start, end);
      int score = 0;
      for (String w : words) if (window.contains(w)) score++;
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
      }
      if (end == flat.length()) break;
    }
    int start = bestStart == 0 ? 0 : Math.max(0, flat.indexOf(' ', bestStart) + 1);
    int end = Math.min(flat.length(), start + Snippets.LENGTH);
    if (end < flat.length()) {
      int space = flat.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    return (start > 0 ? "… " : "") + flat.substring(start, end) + (end < flat.length() ? " …" : "");
  }
}
