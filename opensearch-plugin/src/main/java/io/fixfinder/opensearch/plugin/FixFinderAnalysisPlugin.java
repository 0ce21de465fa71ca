package io.fixfinder.opensearch.plugin;

import io.fixfinder.indexer.analysis.chain.AnalysisChains;
import io.fixfinder.indexer.analysis.chain.Chain;
import io.fixfinder.indexer.analysis.chain.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.opensearch.index.analysis.PreConfiguredCharFilter;
import org.opensearch.index.analysis.PreConfiguredTokenFilter;
import org.opensearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Our analysis in OpenSearch, from the same definitions as the embedded index ({@link
 * AnalysisChains}). Everything is pre-configured (no settings), named with {@value #PREFIX}:
 *
 * <ul>
 *   <li>an analyzer per chain: {@code fixfinder_prose}, {@code fixfinder_prose_query}, {@code
 *       fixfinder_de} ... the exact analyzers the embedded index writes and queries with;
 *   <li>a token filter per chain (the whole pipeline) and per step ({@code fixfinder_folding},
 *       {@code fixfinder_number_parts} ...), to compose custom analyzers;
 *   <li>the char filter {@code fixfinder_code_hyphen}.
 * </ul>
 */
public final class FixFinderAnalysisPlugin extends Plugin implements AnalysisPlugin {
  /** The prefix of every name this plugin registers. */
  public static final String PREFIX = "fixfinder_";

  /** The name of the code-hyphen char filter. */
  public static final String CODE_HYPHEN = PREFIX + "code_hyphen";

  @Override
  public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
    List<PreBuiltAnalyzerProviderFactory> out = new ArrayList<>();
    for (Chain chain : AnalysisChains.all()) {
      out.add(
          new PreBuiltAnalyzerProviderFactory(
              PREFIX + chain.name(), CachingStrategy.ONE, () -> AnalysisChains.analyzer(chain)));
    }
    return out;
  }

  @Override
  public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
    return List.of(
        PreConfiguredCharFilter.singleton(CODE_HYPHEN, false, AnalysisChains::codeHyphens));
  }

  @Override
  public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
    Map<String, PreConfiguredTokenFilter> out = new LinkedHashMap<>();
    for (Chain chain : AnalysisChains.all()) {
      put(out, PreConfiguredTokenFilter.singleton(PREFIX + chain.name(), false, chain::apply));
      for (Step step : chain.steps()) {
        // a step shared by several chains (folding) is one filter
        out.putIfAbsent(
            PREFIX + step.name(),
            PreConfiguredTokenFilter.singleton(PREFIX + step.name(), false, step.filter()));
      }
    }
    return List.copyOf(out.values());
  }

  private static void put(Map<String, PreConfiguredTokenFilter> out, PreConfiguredTokenFilter f) {
    if (out.put(f.getName(), f) != null) {
      throw new IllegalStateException("two filters named " + f.getName());
    }
  }
}
