package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AliasesTest {
  @Test
  void eachLiveIdListsTheIdsMergedIntoItSorted() {
    // c was merged into a first, then b into a, and x into y: the store keeps every merged id
    // pointing at the live one, so a chain is already flat here
    Aliases aliases = Aliases.of(Map.of("c", "a", "b", "a", "x", "y"));

    assertThat(aliases.mergedInto("a")).containsExactly("b", "c");
    assertThat(aliases.mergedInto("y")).containsExactly("x");
    assertThat(aliases.mergedInto("b")).isEmpty();
    assertThat(aliases.mergedInto("unknown")).isEmpty();
    assertThat(aliases.toLive()).containsEntry("c", "a").hasSize(3);
    assertThat(Aliases.NONE.mergedInto("a")).isEmpty();
  }
}
