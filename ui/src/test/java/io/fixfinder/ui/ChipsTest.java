package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.search.SearchResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChipsTest {
  static final KeyExtractor X = KeyExtractor.builtIn();

  static List<Chips.Chip> chips(String q) {
    Keys k = X.extract(q);
    return Chips.of(
        q,
        new SearchResponse.Interpretation(k.product(), k.errorCodes(), k.symptoms(), k.hashtags()),
        X);
  }

  static Map<String, String> removed(String q) {
    return chips(q).stream()
        .collect(Collectors.toMap(Chips.Chip::key, c -> c.removed().orElse("(none)")));
  }

  @Test
  void eachPartOfTheQueryCanBeRemovedAndOnlyThatPartGoes() {
    String q = "Aqualine washing machine won't drain E18 #refund";
    List<Chips.Chip> chips = chips(q);
    assertThat(chips)
        .extracting(Chips.Chip::key)
        .contains("brand:Aqualine", "type:washing-machine", "code:E18", "tag:refund");
    for (Chips.Chip chip : chips) {
      String rest = chip.removed().orElseThrow(() -> new AssertionError("no removal: " + chip));
      java.util.Set<String> left = Chips.keys(X.extract(rest));
      assertThat(left).as(chip.key() + " gone from '" + rest + "'").doesNotContain(chip.key());
      assertThat(rest.length()).as(rest).isLessThan(q.length());
    }
    Map<String, String> r = removed(q);
    assertThat(r.get("tag:refund")).isEqualTo("Aqualine washing machine won't drain E18");
    assertThat(r.get("code:E18")).isEqualTo("Aqualine washing machine won't drain #refund");
    // Removing the brand keeps the product type and the code.
    assertThat(Chips.keys(X.extract(r.get("brand:Aqualine"))))
        .contains("type:washing-machine", "code:E18", "tag:refund");
  }

  @Test
  void aHashtagIntentIsShownWithWhatItMeans() {
    Chips.Chip tag =
        chips("coffee machine leaking #refund").stream()
            .filter(c -> c.key().equals("tag:refund"))
            .findFirst()
            .orElseThrow();
    assertThat(tag.label()).isEqualTo("you want");
    assertThat(tag.value()).contains("#refund");
  }

  @Test
  void theRemoveLinkKeepsTheFiltersAndAnEmptyRestGoesHome() {
    SearchPage.Filters filters =
        new SearchPage.Filters(Optional.of("manual"), Optional.empty(), Optional.empty());
    List<Chips.Chip> chips = chips("E18 #refund");
    SearchPage page =
        new SearchPage(
            "E18 #refund",
            filters,
            Optional.empty(),
            Optional.empty(),
            50,
            SearchPage.Spelling.NONE,
            chips);
    Chips.Chip code = chips.stream().filter(c -> c.key().equals("code:E18")).findFirst().get();
    assertThat(page.removeLink(code)).isEqualTo("/?q=%23refund&kind=manual");
    Chips.Chip only = chips("E18").getFirst();
    assertThat(
            new SearchPage(
                    "E18",
                    filters,
                    Optional.empty(),
                    Optional.empty(),
                    50,
                    SearchPage.Spelling.NONE,
                    List.of(only))
                .removeLink(only))
        .isEqualTo("/");
  }
}
