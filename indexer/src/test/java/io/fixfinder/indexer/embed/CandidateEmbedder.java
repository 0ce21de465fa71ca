package io.fixfinder.indexer.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link Candidate} run by our {@link BertEncoder}. A single text ({@link #embed(String)}) is a
 * query, a list is passages: that is how the indexer (lists) and the searcher's query cache (single
 * texts) call an embedder, so e5's and BGE's prefixes land where their authors meant.
 */
final class CandidateEmbedder implements Embedder, AutoCloseable {
  private final Candidate candidate;
  private final ExecutorService pool;
  private final BertEncoder encoder;

  CandidateEmbedder(Candidate candidate, int threads) {
    this.candidate = candidate;
    OnnxNativeLibraries.prepare();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "candidate-embedder");
              t.setDaemon(true);
              return t;
            });
    this.encoder =
        new BertEncoder(
            candidate.model(),
            candidate.tokenizer(),
            candidate.dimensions(),
            candidate.pooling(),
            1);
  }

  @Override
  public String id() {
    return candidate.name() + "/" + MiniLmEmbedder.MAX_CHARS;
  }

  @Override
  public int dimensions() {
    return candidate.dimensions();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) return List.of();
    List<String> cut = new ArrayList<>(texts.size());
    for (String text : texts) cut.add(candidate.passagePrefix() + cut(text));
    return encoder.encode(cut, pool);
  }

  @Override
  public float[] embed(String query) {
    return encoder.encode(List.of(candidate.queryPrefix() + cut(query)), pool).getFirst();
  }

  private static String cut(String text) {
    String t = text == null || text.isBlank() ? "-" : text.strip();
    return t.length() > MiniLmEmbedder.MAX_CHARS ? t.substring(0, MiniLmEmbedder.MAX_CHARS) : t;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    encoder.close();
  }
}
