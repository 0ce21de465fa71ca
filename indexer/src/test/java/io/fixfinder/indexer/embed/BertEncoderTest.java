package io.fixfinder.indexer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Our encoder gives the vectors the packaged model gives (stored vectors and reported figures stay
 * valid), for short texts, texts past the truncation and other languages, from several threads.
 */
class BertEncoderTest {
  private static final String[] WORDS = {
    "the",
    "washing",
    "machine",
    "won't",
    "drain",
    "error",
    "E18",
    "pump",
    "filter",
    "blocked",
    "water",
    "stays",
    "in",
    "drum",
    "after",
    "cycle",
    "I",
    "cleaned",
    "it",
    "and",
    "now",
    "works",
    "laptop",
    "battery",
    "not",
    "charging",
    "screen",
    "flickers",
    "kettle",
    "switch",
    "off",
    "Geschirrspüler",
    "pompt",
    "niet",
    "af",
    "lave-linge",
    "ne",
    "vidange",
    "pas",
    "!",
    "?",
    "3.5mm"
  };

  @Test
  void vectorsAreThePackagedModelsTextByText() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int words = 1 + random.nextInt(i % 4 == 0 ? 300 : 30); // every fourth past 128 pieces
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < words; w++) b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      texts.add(b.toString().strip());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AllMiniLmL6V2QuantizedEmbeddingModel packaged = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (BertEncoder ours = MiniLmEmbedder.encoder()) {
      List<float[]> vectors = ours.encode(texts, pool);
      for (int i = 0; i < texts.size(); i++) {
        float[] theirs =
            Embedder.normalise(packaged.embed(TextSegment.from(texts.get(i))).content().vector());
        assertThat(Embedder.cosine(vectors.get(i), theirs))
            .as("seed %d (-Dtests.seed), text %d: %s", seed, i, texts.get(i))
            .isGreaterThan(0.9999f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Texts of one length run together give each text's own vector on the full-precision model (the
   * quantised one moves, see {@link BertEncoder}): the batched path pools each text's own rows.
   */
  @Test
  void batchedRunsGiveEachTextItsOwnVectorOnTheFullPrecisionModel() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      int words = 1 + random.nextInt(i % 3 == 0 ? 4 : 40); // short ones share lengths
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < words; w++) b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      texts.add(b.toString().strip());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    OnnxNativeLibraries.prepare();
    Candidate fp32 = Candidate.named("all-minilm-l6-v2");
    try (BertEncoder single =
            new BertEncoder(fp32.model(), fp32.tokenizer(), 384, BertEncoder.Pooling.MEAN, 1);
        BertEncoder batched =
            new BertEncoder(fp32.model(), fp32.tokenizer(), 384, BertEncoder.Pooling.MEAN, 8)) {
      List<float[]> a = single.encode(texts, pool);
      List<float[]> b = batched.encode(texts, pool);
      for (int i = 0; i < texts.size(); i++) {
        assertThat(b.get(i))
            .as("seed %d (-Dtests.seed), text %d: %s", seed, i, texts.get(i))
            .containsExactly(a.get(i), org.assertj.core.data.Offset.offset(1e-5f));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
