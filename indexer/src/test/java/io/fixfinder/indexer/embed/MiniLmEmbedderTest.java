package io.fixfinder.indexer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static MiniLmEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new MiniLmEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void sameFaultInOtherWordsIsCloserThanAnotherFault() {
    List<float[]> v =
        embedder.embed(
            List.of(
                "washing machine won't drain, water stays in the drum",
                "my washer is not pumping the water out",
                "the screen of my phone is cracked"));
    assertThat(v).hasSize(3);
    assertThat(v.getFirst()).hasSize(384);
    float same = Embedder.cosine(v.get(0), v.get(1));
    float other = Embedder.cosine(v.get(0), v.get(2));
    assertThat(same).isGreaterThan(other + 0.2f);
  }

  @Test
  void vectorsAreUnitLengthAndDeterministic() {
    float[] a = embedder.embed("kettle does not switch off");
    float[] b = embedder.embed(List.of("x", "kettle does not switch off")).get(1);
    assertThat(Embedder.cosine(a, a)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(a).containsExactly(b, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void blankAndHugeTextsStillGiveVectors() {
    List<float[]> v = embedder.embed(List.of("", "   ", "pump ".repeat(5000)));
    assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
  }
}
