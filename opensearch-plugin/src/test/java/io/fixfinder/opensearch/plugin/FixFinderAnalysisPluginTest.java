package io.fixfinder.opensearch.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.indexer.analysis.chain.AnalysisChains;
import io.fixfinder.indexer.analysis.chain.Chain;
import io.fixfinder.indexer.analysis.chain.Step;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.opensearch.index.analysis.PreConfiguredCharFilter;
import org.opensearch.index.analysis.PreConfiguredTokenFilter;

/** What the plugin registers; that it analyses like the indexer is AnalysisParityIT's job. */
class FixFinderAnalysisPluginTest {
  final FixFinderAnalysisPlugin plugin = new FixFinderAnalysisPlugin();

  @Test
  void anAnalyzerPerChainNamedWithThePrefix() {
    List<String> names =
        plugin.getPreBuiltAnalyzerProviderFactories().stream()
            .map(PreBuiltAnalyzerProviderFactory::getName)
            .toList();
    assertThat(names)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(
            AnalysisChains.all().stream().map(c -> "fixfinder_" + c.name()).toList())
        .contains("fixfinder_prose", "fixfinder_prose_query", "fixfinder_de", "fixfinder_it");
  }

  @Test
  void aTokenFilterPerChainAndPerStepOnceEach() {
    List<String> names =
        plugin.getPreConfiguredTokenFilters().stream()
            .map(PreConfiguredTokenFilter::getName)
            .toList();
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("fixfinder_"));
    for (Chain chain : AnalysisChains.all()) {
      assertThat(names).contains("fixfinder_" + chain.name());
      for (Step step : chain.steps()) assertThat(names).contains("fixfinder_" + step.name());
    }
  }

  @Test
  void theCodeHyphenCharFilter() {
    assertThat(plugin.getPreConfiguredCharFilters())
        .extracting(PreConfiguredCharFilter::getName)
        .containsExactly("fixfinder_code_hyphen");
  }
}
