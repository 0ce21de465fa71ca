package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new generation always gets a folder of its own, even when created in the same millisecond. */
class GenerationsTest {
  @TempDir Path root;

  /** Draws {@code values} in turn (as the high bits, where {@code nextInt} takes them). */
  private static RandomGenerator drawing(long... values) {
    PrimitiveIterator.OfLong next = LongStream.of(values).iterator();
    return () -> next.nextLong() << 32;
  }

  @Test
  void twoGenerationsCreatedInOneMillisecondGetTheirOwnFolders() throws Exception {
    RandomGenerator draws = drawing(7, 7, 7, 8);
    Path first = Generations.create(root, () -> 1_700_000_000_000L, draws);
    Files.writeString(first.resolve("marker"), "first");
    Path second = Generations.create(root, () -> 1_700_000_000_000L, draws);

    assertThat(second).isNotEqualTo(first);
    assertThat(second).isEmptyDirectory();
    assertThat(first.resolve("marker")).hasContent("first");
    assertThat(first.getFileName().toString()).isEqualTo("gen-1700000000000-00000007");
  }

  @Test
  void namesSortByCreationTime() throws Exception {
    Path early = Generations.create(root, () -> 999L, drawing(0xffffffffL));
    Path late = Generations.create(root, () -> 1000L, drawing(0));
    assertThat(List.of(late.getFileName().toString(), early.getFileName().toString()))
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void aFirstGenerationNeverLandsInAFolderThatExists() throws Exception {
    long now = System.currentTimeMillis();
    for (long t = now; t < now + 3_000; t++) { // folders named as the old scheme would name them
      Files.writeString(Files.createDirectory(root.resolve("gen-" + t)).resolve("leftover"), "x");
    }
    try (IndexStore store = IndexStore.open(root, 16)) {
      assertThat(store.path().resolve("leftover")).doesNotExist();
    }
  }

  @Test
  void writersNeverReuseAFolder() throws Exception {
    try (IndexStore a = IndexStore.openAside(root, 16)) {
      a.put(RebuildChild.doc("http://a/1", "a 1"));
      a.commit(); // left half-built, as by a killed writer
    }
    Path leftover;
    try (var dirs = Files.list(root)) {
      leftover = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    for (int i = 0; i < 20; i++) {
      try (IndexStore b = IndexStore.openAside(root, 16)) {
        assertThat(b.path()).isNotEqualTo(leftover);
        assertThat(b.count()).as("starts empty").isZero();
      }
    }
  }
}
