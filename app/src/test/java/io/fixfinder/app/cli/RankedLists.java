package io.fixfinder.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two rankings of one question compared up to near-ties. The dense side's scores of two builds of
 * the same records differ in their last digits (the HNSW graphs are built apart, and the model's
 * multi-threaded arithmetic is not bit-for-bit repeatable), so two results whose fused scores lie
 * within a hair of each other may come in either order, or the one just past the end of a page may
 * trade places with the last one on it. Anything else is a different ranking.
 */
final class RankedLists {
  private RankedLists() {}

  /**
   * The share of a list's best score within which two results are tied. On the demo, the embedded
   * index and an OpenSearch node over the same records put two results 0.2% and 0.03% apart in
   * opposite orders; half a percent leaves room for that and no more.
   */
  static final double TIE_SHARE = 0.005;

  /** A ranked result: its id and its score. */
  record Entry(String id, double score) {
    @Override
    public String toString() {
      return id + "@" + String.format(java.util.Locale.ROOT, "%.4f", score);
    }
  }

  /**
   * Asserts that {@code actual} holds the results of {@code expected} in the same order up to
   * near-ties ({@link #headDiffers} over the whole list, ties within {@link #TIE_SHARE}).
   */
  static void assertSameRanking(String what, JsonNode expected, JsonNode actual, String idPointer) {
    List<Entry> e = entries(expected, idPointer);
    List<Entry> a = entries(actual, idPointer);
    org.assertj.core.api.Assertions.assertThat(a).as(what).hasSameSizeAs(e);
    org.assertj.core.api.Assertions.assertThat(headDiffers(e, a, e.size(), TIE_SHARE))
        .as(what + ": " + e + " / " + a)
        .isEmpty();
  }

  /** The entries of a JSON array of results: the id at {@code idPointer}, the score at "score". */
  static List<Entry> entries(JsonNode array, String idPointer) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode n : array)
      out.add(new Entry(n.at(idPointer).asText(), n.path("score").asDouble()));
    return out;
  }

  /**
   * Why {@code actual}'s first {@code head} places differ from {@code expected}'s other than by
   * near-ties, or empty when they do not. Two rankings agree up to ties when every two results they
   * order differently (one of them in either head) are tied in both, and a result only one head
   * holds is tied with that head's last: it sits at the edge, where a tie decides. Results are tied
   * when their scores differ by at most {@code tieShare} of the list's best score: the scores of
   * one record in two builds may all move together (the dense side's scores are normalised over the
   * neighbours each graph found), so ties are read within each list, never across them.
   */
  static Optional<String> headDiffers(
      List<Entry> expected, List<Entry> actual, int head, double tieShare) {
    if (expected.size() < head || actual.size() < head) {
      return Optional.of("fewer than " + head + " results: " + expected + " / " + actual);
    }
    if (head == 0) return Optional.empty();
    double tieE = tieShare * Math.abs(expected.get(0).score());
    double tieA = tieShare * Math.abs(actual.get(0).score());
    Map<String, Integer> inE = positions(expected);
    Map<String, Integer> inA = positions(actual);
    for (int i = 0; i < head; i++) {
      Entry e = expected.get(i);
      Integer there = inA.get(e.id());
      if ((there == null || there >= head) && expected.get(head - 1).score() - e.score() < -tieE) {
        return Optional.of(e + " is in the first " + head + " of one ranking only: " + actual);
      }
      Entry a = actual.get(i);
      Integer here = inE.get(a.id());
      if ((here == null || here >= head) && actual.get(head - 1).score() - a.score() < -tieA) {
        return Optional.of(a + " is in the first " + head + " of one ranking only: " + expected);
      }
    }
    for (int i = 0; i < expected.size(); i++) {
      for (int j = i + 1; j < expected.size(); j++) {
        if (i >= head && j >= head) break;
        Entry x = expected.get(i);
        Entry y = expected.get(j);
        Integer ax = inA.get(x.id());
        Integer ay = inA.get(y.id());
        if (ax == null || ay == null || ax < ay) continue;
        boolean tied =
            x.score() - y.score() <= tieE
                && Math.abs(actual.get(ax).score() - actual.get(ay).score()) <= tieA;
        if (!tied) {
          return Optional.of(
              x
                  + " before "
                  + y
                  + " in one ranking, "
                  + actual.get(ay)
                  + " before "
                  + actual.get(ax)
                  + " in the other");
        }
      }
    }
    return Optional.empty();
  }

  private static Map<String, Integer> positions(List<Entry> list) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < list.size(); i++) out.putIfAbsent(list.get(i).id(), i);
    return out;
  }
}
