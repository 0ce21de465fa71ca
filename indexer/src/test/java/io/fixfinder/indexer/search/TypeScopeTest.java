package io.fixfinder.indexer.search;

import static io.fixfinder.indexer.search.SearcherTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restriction to the product type a query names, on a small on-disk index: records of another
 * type leave, records of no known type stay, an absent type restricts nothing and is flagged, and a
 * caller's type filter wins.
 */
class TypeScopeTest {
  @TempDir static Path dir;
  static TinyIndex index;
  static Searcher searcher;

  @BeforeAll
  static void index() throws Exception {
    List<SourceDoc> docs =
        List.of(
            TinyIndex.dryer(),
            TinyIndex.washer(),
            doc(
                "http://f/untyped",
                SourceKind.FORUM,
                "Clothes still wet after the cycle",
                "Clothes come out wet and not drying; the condenser was full of lint.",
                new Details.None()),
            TinyIndex.coffee("My coffee machine is leaking water under the drip tray."));
    assertThat(docs.get(0).product().type()).isEqualTo("tumble-dryer");
    assertThat(docs.get(1).product().type()).isEqualTo("washing-machine");
    assertThat(docs.get(2).product().type()).isEmpty();
    index = TinyIndex.of(dir, docs);
    searcher = index.searcher();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static List<String> urls(SearchResponse r) {
    return r.hits().stream().map(SearchResponse.Hit::url).toList();
  }

  @Test
  void aNamedTypeLeavesOtherTypesOutAndKeepsUntypedRecords() throws Exception {
    SearchResponse r = searcher.search(SearchRequest.of("tumble dryer not drying"));
    assertThat(r.restrictedTo()).contains("tumble-dryer");
    assertThat(urls(r))
        .contains("http://f/dryer", "http://f/untyped")
        .doesNotContain("http://f/washer");
    // without the restriction the washing machine's record is found by the same words
    assertThat(
            urls(searcher.withoutTypeScope().search(SearchRequest.of("tumble dryer not drying"))))
        .contains("http://f/washer");
  }

  @Test
  void aTypeNothingMatchesRestrictsNothingAndIsFlagged() throws Exception {
    SearchResponse r = searcher.search(SearchRequest.of("laptop not drying"));
    assertThat(r.interpretation().product().type()).isEqualTo("laptop");
    assertThat(r.restrictedTo()).isEmpty();
    assertThat(urls(r)).contains("http://f/washer", "http://f/dryer");
    assertThat(r.answered()).isFalse();
    assertThat(r.noMatch())
        .get()
        .extracting(SearchResponse.NoMatch::reason)
        .isEqualTo("product-type-absent");
  }

  @Test
  void aDeviceThatIsNoneOfOurTypesIsAnAbsentType() throws Exception {
    SearchResponse r = searcher.search(SearchRequest.of("my fridge is leaking water"));
    assertThat(r.answered()).isFalse();
    assertThat(r.noMatch().orElseThrow().reason()).isEqualTo("product-type-absent");
    assertThat(r.noMatch().orElseThrow().understood()).contains("fridge");
  }

  @Test
  void theCallersTypeFilterWins() throws Exception {
    SearchRequest r =
        new SearchRequest(
            "tumble dryer not drying",
            Optional.empty(),
            Optional.empty(),
            Optional.of("washing-machine"),
            1,
            10);
    SearchResponse out = searcher.search(r);
    assertThat(out.restrictedTo()).isEmpty();
    assertThat(urls(out)).containsExactly("http://f/washer");
  }

  @Test
  void wordMatchingOfOtherDevicesIsWholeWord() {
    assertThat(TypeScope.otherDevice("My FRIDGE hums", List.of("fridge", "microwave oven")))
        .contains("fridge");
    assertThat(
            TypeScope.otherDevice("microwave oven sparks", List.of("microwave", "microwave oven")))
        .contains("microwave oven");
    assertThat(TypeScope.otherDevice("fridges and more", List.of("fridge"))).isEmpty();
  }
}
