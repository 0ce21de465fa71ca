package io.fixfinder.indexer.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemedyVectorsTest {
  /** A deterministic embedder (letter counts) that records what it was asked to embed. */
  static final class Counting implements Embedder {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public int dimensions() {
      return 26;
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
      calls.add(List.copyOf(texts));
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        float[] v = new float[26];
        for (char c : t.toLowerCase().toCharArray()) if (c >= 'a' && c <= 'z') v[c - 'a']++;
        out.add(Embedder.normalise(v));
      }
      return out;
    }
  }

  @Test
  void eachStatementIsEmbeddedOnceAndLaterViewsReadTheKeptVectors() {
    Counting model = new Counting();
    RemedyVectors vectors = new RemedyVectors(model);
    List<String> first = List.of("clean the filter", "replace the pump", "clean the filter");
    List<float[]> a = vectors.of(first);
    assertThat(model.calls).as("one batch, duplicates once").hasSize(1);
    assertThat(model.calls.get(0))
        .containsExactlyInAnyOrder("clean the filter", "replace the pump");
    assertThat(a).hasSize(3);
    assertThat(a.get(0)).isEqualTo(a.get(2)).isEqualTo(model.embed("clean the filter"));
    model.calls.clear();

    List<float[]> b = vectors.of(List.of("replace the pump", "clean the filter"));
    assertThat(model.calls).as("a second view embeds nothing").isEmpty();
    assertThat(b.get(0)).isSameAs(a.get(1));
    vectors.of(List.of("clean the filter", "check the hose"));
    assertThat(model.calls).containsExactly(List.of("check the hose"));
    assertThat(vectors.stats().missCount()).isEqualTo(3);
  }

  @Test
  void aSizeBelowOneIsRefusedWithTheValue() {
    assertThatThrownBy(() -> new RemedyVectors(new Counting(), 0)).hasMessageContaining("got 0");
  }
}
