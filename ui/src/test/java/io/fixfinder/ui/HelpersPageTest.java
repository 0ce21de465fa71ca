package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpersPageTest {
  static HelpersPage page(HelpersPage.Filters f) {
    return new HelpersPage(f, List.of(), false, Optional.empty());
  }

  @Test
  void theFiltersReadAsWordsAndALanguageDoesNotNarrow() {
    HelpersPage.Filters f =
        new HelpersPage.Filters(
            " washing-machine ", "Aqualine", "", "nl", "52.37,4.90", "", true, "");
    assertThat(f.type()).isEqualTo("washing-machine");
    assertThat(page(f).asked())
        .isEqualTo("washing machine, brand Aqualine, within 50 km of 52.37,4.90, available now");
    HelpersPage.Filters languageOnly =
        new HelpersPage.Filters(null, null, null, "de", null, "25", false, null);
    assertThat(languageOnly.narrowed()).isFalse();
    assertThat(page(languageOnly).asked()).isEmpty();
    assertThat(HelpersPage.Filters.NONE.narrowed()).isFalse();
  }

  @Test
  void theMenusMarkTheChoiceAndKeepATypeTheLexiconLacks() {
    HelpersPage known =
        page(new HelpersPage.Filters("dishwasher", "", "", "de", "", "", false, ""));
    assertThat(known.typeOptions())
        .filteredOn(HelpersPage.Option::selected)
        .containsExactly(new HelpersPage.Option("dishwasher", "Dishwasher", true));
    assertThat(known.languageOptions())
        .filteredOn(HelpersPage.Option::selected)
        .containsExactly(new HelpersPage.Option("de", "German", true));
    assertThat(known.languageOptions()).extracting(HelpersPage.Option::value).contains("nl", "pt");
    HelpersPage unknown =
        page(new HelpersPage.Filters("hovercraft", "", "", "", "", "", false, ""));
    assertThat(unknown.typeOptions().get(0))
        .isEqualTo(new HelpersPage.Option("hovercraft", "hovercraft", true));
    assertThat(unknown.typeOptions()).filteredOn(HelpersPage.Option::selected).hasSize(1);
  }

  @Test
  void theCountSaysWhenMoreMatchedThanAreShown() {
    assertThat(page(HelpersPage.Filters.NONE).count()).isEqualTo("0 helpers");
    HelpersPage more = new HelpersPage(HelpersPage.Filters.NONE, List.of(), true, Optional.empty());
    assertThat(more.count()).isEqualTo("The 50 best matches of more than 50 helpers");
  }
}
