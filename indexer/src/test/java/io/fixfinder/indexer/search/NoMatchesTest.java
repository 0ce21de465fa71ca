package io.fixfinder.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "no good match" texts read as English. */
class NoMatchesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Iron | an iron",
        "air conditioner | an air conditioner",
        "e-bike | an e-bike",
        "Headphones | headphones",
        "TV or flat screen | a TV or flat screen",
        "Washing machine | a washing machine",
        "fridge | a fridge",
      })
  void productsTakeTheRightArticle(String label, String phrase) {
    assertThat(NoMatches.withArticle(label)).isEqualTo(phrase);
  }

  @Test
  void understoodNamesAnAbsentTypeWithItsArticle() {
    KeyExtractor keys = KeyExtractor.builtIn();
    Keys iron = keys.extract("my iron is leaking");
    assertThat(iron.product().type()).isEqualTo("iron");
    TypeScope absent = new TypeScope(Optional.empty(), true, null, Optional.of("iron"));
    assertThat(NoMatches.understood(keys.lexicon(), iron, absent))
        .startsWith("an iron (we have no records of this kind of product)")
        .contains("symptom: Leaking");
    Keys fridge =
        new Keys(new ProductRef("", "", ""), List.of(), List.of(), List.of(), Keys.FixSignal.NONE);
    TypeScope device = new TypeScope(Optional.empty(), true, null, Optional.of("air conditioner"));
    assertThat(NoMatches.understood(keys.lexicon(), fridge, device))
        .isEqualTo("an air conditioner (we have no records of this kind of product)");
  }
}
