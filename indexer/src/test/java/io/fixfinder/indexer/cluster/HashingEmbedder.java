package io.fixfinder.indexer.cluster;

import io.fixfinder.indexer.embed.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast deterministic stand-in for the sentence model in tests of the store's mechanics (not of
 * its quality): each word adds a pseudo-random unit direction, so shared words mean similarity.
 */
final class HashingEmbedder implements Embedder {
  static final int DIMENSIONS = 384;

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      float[] v = new float[DIMENSIONS];
      for (String w : TextTools.words(t)) {
        long h = Signals.hash(w);
        for (int k = 0; k < 8; k++) {
          h = h * 6364136223846793005L + 1442695040888963407L;
          v[(int) Long.remainderUnsigned(h >>> 7, DIMENSIONS)] += (h & 1) == 0 ? 1 : -1;
        }
      }
      out.add(Embedder.normalise(v));
    }
    return out;
  }
}
