package io.fixfinder.api.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanelsTest {
  @Test
  void acceptLanguageGivesIsoCodesPreferredFirst() {
    assertThat(Panels.acceptLanguages("nl-BE,nl;q=0.9,en;q=0.8,*;q=0.1"))
        .containsExactly("nl", "en");
    assertThat(Panels.acceptLanguages(null)).containsExactly("en");
    assertThat(Panels.acceptLanguages(";;;garbage==")).containsExactly("en");
    assertThat(Panels.acceptLanguages("x-klingon")).containsExactly("en");
  }

  @Test
  void aQueryInDutchPrefersDutchSpeakersThenEnglish() {
    List<String> l = Panels.languages("wasmachine pompt niet af");
    assertThat(l).contains("en");
    assertThat(l.get(0)).isEqualTo("nl");
    assertThat(Panels.languages("washing machine wont drain")).containsExactly("en");
  }
}
