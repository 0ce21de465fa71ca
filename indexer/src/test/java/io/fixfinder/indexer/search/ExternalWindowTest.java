package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.understand.KeyExtractor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a window will ask the engine, known before retrieval, is what the embedded facets count. */
class ExternalWindowTest {
  static final KeyExtractor KEYS = KeyExtractor.builtIn();
  final ExternalRanking ranking =
      new ExternalRanking(KEYS, Retrieval.HYBRID, Fusion.LEARNED, Tuning.DEFAULT);
  final ExternalWindow window = new ExternalWindow(KEYS.lexicon());

  @Test
  void anUnfilteredRequestCountsEveryFacetInOnePass() throws Exception {
    SearchRequest request = SearchRequest.of("washing machine won't drain E18");
    ExternalWindow.Questions q = window.questions(request, ranking.plan(request));
    assertThat(q.passes()).hasSize(1);
    assertThat(q.passes().getFirst().dims()).containsExactly(0, 1, 2);
    assertThat(q.passes().getFirst().filters()).isEmpty();
    assertThat(q.passes().getFirst().typeFilter()).isFalse();
  }

  @Test
  void aFilteredDimensionIsCountedWithoutItsOwnFilter() throws Exception {
    SearchRequest request =
        new SearchRequest(
            "washing machine won't drain",
            Optional.of("forum"),
            Optional.empty(),
            Optional.of("washing-machine"),
            1,
            10);
    ExternalWindow.Questions q = window.questions(request, ranking.plan(request));
    // kind without the kind filter; brand with both; type without the type filter
    assertThat(q.passes())
        .extracting(ExternalWindow.FacetPass::dims)
        .containsExactly(List.of(0), List.of(1), List.of(2));
    assertThat(q.passes().get(0).filters())
        .isEqualTo(QueryBuilder.filters(Facets.without(request, 0)));
    assertThat(q.passes().get(1).filters()).isEqualTo(QueryBuilder.filters(request));
    assertThat(q.passes().get(2).filters())
        .isEqualTo(QueryBuilder.filters(Facets.without(request, 2)));
    assertThat(q.passes())
        .extracting(ExternalWindow.FacetPass::typeFilter)
        .containsExactly(true, true, false);
    // asked twice, the same questions: an engine answers the window's calls from the first
    assertThat(window.questions(request, ranking.plan(request))).isEqualTo(q);
  }

  @Test
  void theEvidenceTermsAreTheAnalysedQueryOnceEachAndTheNamedTypeIsAskedOfTheIndex()
      throws Exception {
    SearchRequest request = SearchRequest.of("dishwasher drain drain blocked");
    ExternalWindow.Questions q = window.questions(request, ranking.plan(request));
    assertThat(q.queryTerms()).hasSizeGreaterThan(q.bodyTerms().size());
    assertThat(q.bodyTerms()).doesNotHaveDuplicates().containsAll(q.queryTerms());
    assertThat(q.indexTerms()).containsAll(q.bodyTerms());
    assertThat(q.indexTerms()).hasSizeGreaterThanOrEqualTo(q.bodyTerms().size());
  }
}
