package io.fixfinder.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.embed.Embedder;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticVectorsTest {
  /**
   * A stand-in model: a fixed random unit vector per text, so words are unrelated to each other.
   */
  private static final Embedder WORDS =
      new Embedder() {
        @Override
        public int dimensions() {
          return 64;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
          return texts.stream()
              .map(
                  t -> {
                    SplittableRandom rnd = new SplittableRandom(t.hashCode());
                    float[] v = new float[64];
                    for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
                    return Embedder.normalise(v);
                  })
              .toList();
        }
      };

  private static final List<String> SAMPLE =
      List.of(
          "washing machine not draining water",
          "washing machine drum not spinning",
          "dishwasher not draining water",
          "phone battery drains fast",
          "phone screen cracked",
          "the pump is blocked",
          "laptop fan noise");

  @Test
  void vectorsAreUnitLengthDeterministicAndCloserForSharedWords() {
    SyntheticVectors v = SyntheticVectors.learn(WORDS, SAMPLE, 100);
    float[] a = v.embed("washing machine not draining, pump blocked");
    float[] same = v.embed("washing machine not draining, pump blocked");
    float[] near = v.embed("my washing machine is not draining");
    float[] far = v.embed("phone screen cracked");
    assertArrayEquals(a, same);
    double norm = 0;
    for (float x : a) norm += x * x;
    assertEquals(1.0, norm, 1e-4);
    assertTrue(
        Embedder.cosine(a, near) > Embedder.cosine(a, far) + 0.2,
        "shared words must bring texts together: "
            + Embedder.cosine(a, near)
            + " vs "
            + Embedder.cosine(a, far));
  }

  @Test
  void theVocabularyIsTheMostFrequentWordsUpToTheLimit() {
    assertEquals(5, SyntheticVectors.learn(WORDS, SAMPLE, 5).vocabularySize());
    assertEquals(
        List.of("washing", "machine", "not", "draining"),
        SyntheticVectors.tokens("Washing-machine NOT draining!"));
  }

  @Test
  void benchQueriesAreDistinct() {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    List<String> queries = ApiBench.distinctQueries(records, 30_000);
    assertEquals(30_000, queries.size());
    assertEquals(queries.size(), new HashSet<>(queries).size());
  }
}
