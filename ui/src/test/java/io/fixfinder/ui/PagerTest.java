package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagerTest {
  @Test
  void aShortListHasOnePageAndNoPager() {
    Pager p = Pager.of(7, 1, 20, 50);
    assertThat(p.last()).isEqualTo(1);
    assertThat(p.shown()).isFalse();
    assertThat(p.hasNext()).isFalse();
  }

  @Test
  void theWindowSurroundsTheCurrentPage() {
    Pager p = Pager.of(461, 5, 20, 50);
    assertThat(p.last()).isEqualTo(24);
    assertThat(p.window()).containsExactly(3, 4, 5, 6, 7);
    assertThat(p.hasPrevious()).isTrue();
    assertThat(p.hasNext()).isTrue();
  }

  @Test
  void pagesStopAtTheDeepestPageServedAndAPagePastTheEndIsTheLast() {
    Pager p = Pager.of(10_000, 80, 20, 50);
    assertThat(p.last()).isEqualTo(50);
    assertThat(p.current()).isEqualTo(50);
    assertThat(p.window()).containsExactly(48, 49, 50);
    assertThat(p.hasNext()).isFalse();
  }

  @Test
  void noResultsIsOneEmptyPage() {
    Pager p = Pager.of(0, 1, 20, 50);
    assertThat(p.current()).isEqualTo(1);
    assertThat(p.last()).isEqualTo(1);
  }
}
