package io.fixfinder.indexer.analysis.chain;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;

/**
 * One named token filter of a chain. The name is what the OpenSearch plugin registers the filter
 * under (prefixed {@code fixfinder_}), so a step is addressable on both engines.
 */
public record Step(String name, UnaryOperator<TokenStream> filter) {
  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(filter, "filter");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a step name is lower case and underscores: " + name);
    }
  }
}
