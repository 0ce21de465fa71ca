package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.ProductRef;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisplayTest {
  @Test
  void onlyHttpLinksAreLinks() {
    assertThat(Display.href("https://example.com/a?b=1")).isEqualTo("https://example.com/a?b=1");
    assertThat(Display.href("HTTP://example.com")).isEqualTo("HTTP://example.com");
    assertThat(Display.href("javascript:alert(1)")).isEqualTo("#");
    assertThat(Display.href(" JaVaScRiPt:alert(1)")).isEqualTo("#");
    assertThat(Display.href("data:text/html,<b>")).isEqualTo("#");
    assertThat(Display.href("not a url")).isEqualTo("#");
    assertThat(Display.href(null)).isEqualTo("#");
  }

  @Test
  void idsReadAsWords() {
    assertThat(Display.type("washing-machine")).isEqualTo("Washing machine");
    assertThat(Display.type("unknown-thing")).isEqualTo("unknown thing");
    assertThat(Display.symptom("wont-drain")).isEqualTo("Won't drain");
    assertThat(Display.kind("forum")).isEqualTo("Forum thread");
    assertThat(Display.product(new ProductRef("washing-machine", "Aqualine", "WM-8420X")))
        .isEqualTo("Aqualine WM-8420X washing machine");
    assertThat(Display.product(new ProductRef("washing-machine", "", "")))
        .isEqualTo("Washing machine");
  }

  @Test
  void anUnknownDateIsNoDate() {
    assertThat(Display.date(Instant.EPOCH)).isEmpty();
    assertThat(Display.date(null)).isEmpty();
    assertThat(Display.date(Instant.parse("2024-03-03T10:00:00Z"))).isEqualTo("3 Mar 2024");
  }

  @Test
  void numbersAndDurations() {
    assertThat(Display.duration(245)).isEqualTo("4:05");
    assertThat(Display.duration(3723)).isEqualTo("1:02:03");
    assertThat(Display.plural(1, "report", "reports")).isEqualTo("1 report");
    assertThat(Display.plural(1234, "report", "reports")).isEqualTo("1,234 reports");
    assertThat(Display.percent(2 / 3.0)).isEqualTo("67%");
    assertThat(Display.site("www.fixitforum.example")).isEqualTo("fixitforum.example");
    assertThat(Display.site("127.0.0.1:45795")).isEqualTo("127.0.0.1");
    assertThat(Display.site("www.shop.example:8443")).isEqualTo("shop.example");
    // the site's own name when it gave one, else its host without the port
    assertThat(Display.site("FixIt Forum", "127.0.0.1:45795")).isEqualTo("FixIt Forum");
    assertThat(Display.site("", "127.0.0.1:45795")).isEqualTo("127.0.0.1");
  }

  @Test
  void clippedTextEndsAtAWord() {
    assertThat(Display.clip("Clean the filter.", 40)).isEqualTo("Clean the filter.");
    assertThat(Display.clip("Unscrew the drain pump filter and rinse it", 20))
        .isEqualTo("Unscrew the drain…");
    assertThat(Display.clip("x".repeat(30), 10)).isEqualTo("xxxxxxxxx…");
  }
}
