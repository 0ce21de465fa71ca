package io.fixfinder.indexer.schema;

import java.util.Objects;

/**
 * A record's dense vector and the hash of what it was computed from (the embedder's id and the
 * embedded text). The hash lets a later build reuse the vector instead of embedding again.
 */
public record DocVector(float[] values, String hash) {
  public DocVector {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(hash, "hash");
    if (values.length == 0) throw new IllegalArgumentException("empty vector");
  }
}
