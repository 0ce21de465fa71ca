package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Word splitting as fault facets see it: elisions split, English contractions kept, mojibake
 * mended.
 */
class TextToolsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Won't DRAIN – écran | wont drain ecran",
        "l'écran ne s'allume pas | l ecran ne s allume pas",
        "n'imprime plus | n imprime plus",
        "cartuccia dell'inchiostro | cartuccia dell inchiostro",
        "it's the phone's screen | its the phones screen",
        "Ne dÃ©marre pas | ne demarre pas",
        "Ne d?©marre pas | ne demarre pas",
        "ProblÃ¨me d'alimentation | probleme d alimentation",
        "why? ok | why ok",
        "Straße | strasse"
      })
  void words(String text, String expected) {
    assertThat(TextTools.words(text)).isEqualTo(List.of(expected.split(" ")));
  }
}
