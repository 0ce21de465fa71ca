package io.fixfinder.indexer.analysis.chain;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * A named token-filter pipeline: the filters one analysis applies after the code-hyphen char filter
 * and the standard tokenizer, in order. Immutable.
 */
public record Chain(String name, List<Step> steps) {
  public Chain {
    steps = List.copyOf(steps);
  }

  /** The pipeline applied to {@code tokens}. */
  public TokenStream apply(TokenStream tokens) {
    TokenStream ts = tokens;
    for (Step step : steps) ts = step.filter().apply(ts);
    return ts;
  }

  /** This chain with {@code step} inserted before the step named {@code before}. */
  public Chain insertBefore(String before, Step step, String newName) {
    List<Step> out = new ArrayList<>(steps);
    int at = -1;
    for (int i = 0; i < out.size(); i++) if (out.get(i).name().equals(before)) at = i;
    if (at < 0) throw new IllegalArgumentException("chain " + name + " has no step " + before);
    out.add(at, step);
    return new Chain(newName, out);
  }
}
