package io.fixfinder.app.cli;

import static io.fixfinder.app.cli.RankedLists.TIE_SHARE;
import static io.fixfinder.app.cli.RankedLists.headDiffers;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.app.cli.RankedLists.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankedListsTest {
  /** "how to write a cover letter" within Aqualine, embedded, as the demo served it. */
  static final List<Entry> EMBEDDED =
      list("b58a75", 1.8383, "c67e25", 1.6692, "86be20", 1.2073, "166a69", 1.2037, "7c81f5", 1.0716)
          .plus("720a46", 0.9888, "92e778", 0.9400, "b7d567", 0.8647, "575e4f", 0.8204);

  @Test
  void theSameRankingAgrees() {
    assertThat(headDiffers(EMBEDDED, EMBEDDED, 5, TIE_SHARE)).isEmpty();
  }

  @Test
  void twoResultsTiedInBothListsMayComeInEitherOrder() {
    // the same question on an OpenSearch node: every score moved a little, and the two results
    // 0.2% apart came the other way round, 0.03% apart
    List<Entry> cluster =
        list(
                "b58a75", 1.8256, "c67e25", 1.6561, "166a69", 1.1963, "86be20", 1.1958, "7c81f5",
                1.0643)
            .plus("720a46", 0.9779, "92e778", 0.9354, "b7d567", 0.8513, "575e4f", 0.8075);
    assertThat(headDiffers(EMBEDDED, cluster, 5, TIE_SHARE)).isEmpty();
    assertThat(headDiffers(EMBEDDED, cluster, EMBEDDED.size(), TIE_SHARE)).isEmpty();
  }

  @Test
  void resultsOfClearlyDifferentScoresMayNotSwap() {
    List<Entry> swapped =
        list(
            "c67e25", 1.8383, "b58a75", 1.6692, "86be20", 1.2073, "166a69", 1.2037, "7c81f5",
            1.0716);
    assertThat(headDiffers(EMBEDDED, swapped, 5, TIE_SHARE))
        .hasValueSatisfying(why -> assertThat(why).contains("b58a75").contains("c67e25"));
  }

  @Test
  void aSwapTiedInOneListOnlyIsADifferentRanking() {
    List<Entry> apart =
        list(
            "b58a75", 1.8383, "c67e25", 1.6692, "166a69", 1.3000, "86be20", 1.2073, "7c81f5",
            1.0716);
    assertThat(headDiffers(EMBEDDED, apart, 5, TIE_SHARE)).isPresent();
  }

  @Test
  void aResultMissingFromTheOtherHeadMustHaveBeenAtItsEdge() {
    // the first result gone: a different ranking
    List<Entry> withoutFirst =
        list(
            "c67e25", 1.6692, "86be20", 1.2073, "166a69", 1.2037, "7c81f5", 1.0716, "720a46",
            0.9888);
    assertThat(headDiffers(EMBEDDED, withoutFirst, 5, TIE_SHARE))
        .hasValueSatisfying(why -> assertThat(why).contains("b58a75"));
    // the last of the first four traded for one tied with it: the same up to ties
    List<Entry> edge =
        list(
            "b58a75", 1.8383, "c67e25", 1.6692, "86be20", 1.2073, "99aa00", 1.2040, "166a69",
            1.2037);
    assertThat(headDiffers(EMBEDDED, edge, 4, TIE_SHARE)).isEmpty();
    // a newcomer well above the edge is not
    List<Entry> newcomer =
        list(
            "b58a75", 1.8383, "c67e25", 1.6692, "99aa00", 1.5000, "86be20", 1.2073, "166a69",
            1.2037);
    assertThat(headDiffers(EMBEDDED, newcomer, 4, TIE_SHARE))
        .hasValueSatisfying(why -> assertThat(why).contains("99aa00"));
  }

  @Test
  void twoEmptyListsAgree() {
    assertThat(headDiffers(List.of(), List.of(), 0, TIE_SHARE)).isEmpty();
  }

  @Test
  void tooShortAListIsSaidSo() {
    assertThat(headDiffers(EMBEDDED, EMBEDDED.subList(0, 3), 5, TIE_SHARE))
        .hasValueSatisfying(why -> assertThat(why).contains("fewer than 5"));
  }

  /** Ids and scores, alternating. */
  static Ranked list(Object... idsAndScores) {
    Ranked out = new Ranked();
    return out.plus(idsAndScores);
  }

  static final class Ranked extends ArrayList<Entry> {
    Ranked plus(Object... idsAndScores) {
      for (int i = 0; i < idsAndScores.length; i += 2) {
        add(new Entry((String) idsAndScores[i], (Double) idsAndScores[i + 1]));
      }
      return this;
    }
  }
}
