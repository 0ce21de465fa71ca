package io.fixfinder.indexer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A seed set by the property replays the same random draws, and a failure names it. */
@Isolated
class TestSeedTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(TestSeed.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) System.clearProperty(TestSeed.PROPERTY);
    else System.setProperty(TestSeed.PROPERTY, saved);
  }

  @Test
  void theSystemPropertySetsTheSeedSoARunReplays() throws Exception {
    System.setProperty(TestSeed.PROPERTY, "20261203");
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    TestSeed.run("a", seed -> first.add(new Random(seed).nextInt()));
    TestSeed.run("a", seed -> second.add(new Random(seed).nextInt()));
    assertThat(first).isEqualTo(second).containsExactly(new Random(20261203L).nextInt());
  }

  @Test
  void aFailureNamesTheSeedAndTheFlagThatReplaysIt() {
    System.setProperty(TestSeed.PROPERTY, "77");
    assertThatThrownBy(() -> TestSeed.run("demo", seed -> assertThat(seed).isZero()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed 77")
        .hasMessageContaining("-Dtests.seed=77");
  }

  @Test
  void aMalformedSeedIsRefusedNamingTheValue() {
    System.setProperty(TestSeed.PROPERTY, "soon");
    assertThatThrownBy(() -> TestSeed.draw("x")).hasMessageContaining("'soon'");
  }
}
