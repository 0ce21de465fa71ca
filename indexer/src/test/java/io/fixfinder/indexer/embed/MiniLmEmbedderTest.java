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

  @Test
  void repeatedTextsGiveTheEncodersOwnVectorsAndEachCallerItsOwnCopy() {
    List<String> texts =
        List.of(
            "Laptop (Dell): not working",
            "printer jams",
            "Laptop (Dell): not working",
            "  printer jams ",
            "Laptop (Dell): not working");
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try (MiniLmEmbedder fresh = new MiniLmEmbedder(2);
        BertEncoder encoder = MiniLmEmbedder.encoder()) {
      List<float[]> once =
          encoder.encode(List.of("Laptop (Dell): not working", "printer jams"), pool);
      List<float[]> first = fresh.embed(texts);
      first.get(0)[0] = 42; // a caller scribbling on its vector must not reach the cache
      List<float[]> second = fresh.embed(texts.reversed()); // all from the cache now
      for (int i = 0; i < texts.size(); i++) {
        float[] expected = once.get(texts.get(i).strip().startsWith("printer") ? 1 : 0);
        if (i > 0) assertThat(first.get(i)).containsExactly(expected);
        assertThat(second.get(texts.size() - 1 - i)).containsExactly(expected);
      }
      assertThat(first.get(0)).isNotSameAs(first.get(2));
    } finally {
      pool.shutdownNow();
    }
  }
}
