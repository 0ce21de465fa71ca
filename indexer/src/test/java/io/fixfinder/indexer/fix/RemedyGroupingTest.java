package io.fixfinder.indexer.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemedyGroupingTest {
  static Set<String> t(String text) {
    return RemedyText.terms(text, List.of("Aqualine", "WM-8420X", "E18"));
  }

  @Test
  void remediesThatSayTheSameThingInOtherWordsGroup() {
    List<Set<String>> terms =
        List.of(
            t("Cleaned the filters and it works"),
            t("Not sucking - removed and cleaned filter"),
            t("Changed the fuse in the plug"),
            t("No power. Fuse replaced"),
            t("Filter cleaning needed"));
    List<List<Integer>> groups = RemedyGrouping.WORDS.group(terms);
    assertThat(groups).contains(List.of(0, 1, 4), List.of(2, 3));
  }

  @Test
  void productNamesCodesNumbersAndLinksSayNothing() {
    assertThat(t("Aqualine WM-8420X E18: see https://x.example/a 3 times"))
        .containsExactlyInAnyOrder("see", "time");
    assertThat(Similarity.DICE.of(t("Aqualine E18 clean filter"), t("Aqualine E18 replace pump")))
        .isZero();
  }

  @Test
  void measuresAreBetweenZeroAndOneAndSymmetric() {
    Random random = new Random(Long.getLong("tests.seed", 7L));
    List<String> words = List.of("a1", "b1", "c1", "d1", "e1", "f1", "g1");
    for (int i = 0; i < 200; i++) {
      Set<String> a = new HashSet<>(), b = new HashSet<>();
      for (String w : words) {
        if (random.nextBoolean()) a.add(w);
        if (random.nextBoolean()) b.add(w);
      }
      for (Similarity s : Similarity.values()) {
        assertThat(s.of(a, b)).isBetween(0.0, 1.0).isEqualTo(s.of(b, a));
        if (!a.isEmpty()) assertThat(s.of(a, a)).isEqualTo(1.0);
      }
    }
  }

  @Test
  void emptyInputAndShuffledInput() {
    assertThat(RemedyGrouping.WORDS.group(List.of())).isEmpty();
    List<Set<String>> terms =
        List.of(
            t("clean filter"),
            t("replace pump"),
            t("filter cleaned"),
            t("new pump fitted"),
            t("check the hose for kinks"));
    Set<Set<Set<String>>> expected = asSets(terms, RemedyGrouping.WORDS.group(terms));
    Random random = new Random(Long.getLong("tests.seed", 11L));
    for (int i = 0; i < 10; i++) {
      List<Set<String>> shuffled = new ArrayList<>(terms);
      Collections.shuffle(shuffled, random);
      assertThat(asSets(shuffled, RemedyGrouping.WORDS.group(shuffled))).isEqualTo(expected);
    }
  }

  @Test
  void theBlendAddsTheCosineOfTheVectorsToTheWords() {
    List<Set<String>> terms = List.of(t("unblocked the hose"), t("cleared a blockage in the pipe"));
    float[] same = {1, 0}, other = {0, 1};
    // no word shared: apart by words alone, together when their vectors agree
    assertThat(RemedyGrouping.WORDS.group(terms)).hasSize(2);
    RemedyGrouping blend = new RemedyGrouping(Similarity.JACCARD, 0.25, false, 0.3);
    assertThat(blend.group(terms, List.of(same, same))).containsExactly(List.of(0, 1));
    assertThat(blend.group(terms, List.of(same, other))).hasSize(2);
    assertThatThrownBy(() -> blend.group(terms)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> blend.group(terms, List.of(same))).hasMessageContaining("1 vs 2");
    assertThat(blend.withoutVectors()).isEqualTo(RemedyGrouping.WORDS);
    assertThatThrownBy(() -> new RemedyGrouping(Similarity.DICE, 0.2, false, 1.5))
        .hasMessageContaining("got 1.5");
  }

  @Test
  void thresholdOutsideItsRangeIsRefusedWithTheValue() {
    assertThatThrownBy(() -> new RemedyGrouping(Similarity.DICE, 0))
        .hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> new RemedyGrouping(Similarity.DICE, 1.5)).hasMessageContaining("1.5");
  }

  private static Set<Set<Set<String>>> asSets(List<Set<String>> terms, List<List<Integer>> groups) {
    Set<Set<Set<String>>> out = new HashSet<>();
    for (List<Integer> g : groups) {
      Set<Set<String>> s = new HashSet<>();
      for (int i : g) s.add(terms.get(i));
      out.add(s);
    }
    return out;
  }
}
