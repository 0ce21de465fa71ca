package io.fixfinder.indexer.write;

import static io.fixfinder.indexer.write.ServingGenerationsTest.docs;
import static io.fixfinder.indexer.write.ServingGenerationsTest.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server does when the generation {@code CURRENT} names cannot be served: a passing failure
 * is retried until it is served, a lasting one is reported, and a live index out of reach is never
 * replaced by an empty one.
 */
class ServingFailuresTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  /** Loads nothing, but fails for every generation in {@code failing} until it is emptied. */
  private static GenerationFollower failingFor(Set<Path> failing, AtomicInteger attempts) {
    return generation -> {
      attempts.incrementAndGet();
      if (failing.contains(generation)) throw new IOException("clusters.bin: read failed");
      return () -> {};
    };
  }

  @Test
  void aGenerationThatFailsToLoadOnceIsServedWithoutAnotherChangeOfCurrent() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    String old = live(dir);
    AtomicInteger attempts = new AtomicInteger();
    GenerationFollower onceFailing =
        generation -> {
          if (generation.getFileName().toString().equals(old)) return () -> {};
          if (attempts.incrementAndGet() == 1) throw new IOException("too many open files");
          return () -> {};
        };
    try (IndexStore server = IndexStore.openReadOnly(dir, onceFailing)) {
      Indexer.rebuild(dir, 16, docs("new", 20), QUIET);
      server.refresh(); // the first attempt fails
      assertThat(attempts.get()).as("the new generation was tried").isPositive();

      // the follow timer tries again after a pause; CURRENT does not change meanwhile
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (server.count() != 20 && System.nanoTime() - deadline < 0) Thread.sleep(50);
      assertThat(server.count()).as("caught up without a change of CURRENT").isEqualTo(20);
      IndexStore.GenerationState state = server.generationState();
      assertThat(state.served()).isEqualTo(live(dir));
      assertThat(state.current()).isEqualTo(live(dir));
      assertThat(state.behind()).isFalse();
    }
  }

  @Test
  void refusedGenerationsAreRetriedWithAGrowingPauseAndALastingLagIsReported() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    String old = live(dir);
    AtomicLong nanos = new AtomicLong();
    Set<Path> failing = ConcurrentHashMap.newKeySet();
    AtomicInteger attempts = new AtomicInteger();
    try (IndexStore server =
        IndexStore.openReadOnly(dir, failingFor(failing, attempts), nanos::get)) {
      assertThat(attempts.get()).isEqualTo(1);
      assertThat(server.generationState().behind()).isFalse();
      Indexer.rebuild(
          dir, 16, java.util.Optional.empty(), docs("new", 20), QUIET, (g, p) -> failing.add(g));
      String next = live(dir);

      server.refresh();
      assertThat(attempts.get()).as("tried at once").isEqualTo(2);
      server.refresh();
      assertThat(attempts.get()).as("not again before the pause").isEqualTo(2);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      server.refresh();
      assertThat(attempts.get()).as("again after 1 s").isEqualTo(3);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      server.refresh();
      assertThat(attempts.get()).as("the pause doubled to 2 s").isEqualTo(3);
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      server.refresh();
      assertThat(attempts.get()).isEqualTo(4);

      IndexStore.GenerationState state = server.generationState();
      assertThat(state.served()).isEqualTo(old);
      assertThat(state.current()).isEqualTo(next);
      assertThat(state.behind()).isTrue();
      assertThat(state.stuck()).as("3 s behind is not stuck yet").isFalse();

      nanos.addAndGet(Duration.ofMinutes(2).toNanos());
      assertThat(server.generationState().stuck()).as("behind for over 2 minutes").isTrue();

      failing.clear(); // the cause passed
      nanos.addAndGet(Following.MAX_PAUSE.toNanos());
      server.refresh();
      assertThat(server.count()).isEqualTo(20);
      state = server.generationState();
      assertThat(state.served()).isEqualTo(next);
      assertThat(state.behind()).isFalse();
      assertThat(state.stuck()).isFalse();
      assertThat(state.behindFor()).isEqualTo(Duration.ZERO);
    }
  }

  @Test
  void aServerRefusesToStartWhenCurrentNamesAMissingGenerationAndWritesNothing() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    String named = live(dir);
    Path away = Files.move(dir.resolve(named), dir.resolve("away")); // e.g. a restore under way

    assertThatThrownBy(() -> IndexStore.openReadOnly(dir))
        .isInstanceOf(IndexStore.Unservable.class)
        .hasMessage(
            "the index in "
                + dir
                + " cannot be served: CURRENT names generation "
                + named
                + ", which is missing; restore it or rebuild it with `fixfinder index`");
    assertThat(live(dir)).as("CURRENT untouched").isEqualTo(named);
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.filter(Files::isDirectory).toList())
          .as("no empty generation made")
          .containsExactly(away);
    }

    Files.move(away, dir.resolve(named)); // restored: served again
    try (IndexStore server = IndexStore.openReadOnly(dir)) {
      assertThat(server.count()).isEqualTo(10);
    }
  }

  @Test
  void aServerRefusesToStartOnAnUnreadableGeneration() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    String named = live(dir);
    try (Stream<Path> files = Files.list(dir.resolve(named))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.delete(f);
      }
    }
    assertThatThrownBy(() -> IndexStore.openReadOnly(dir))
        .isInstanceOf(IndexStore.Unservable.class)
        .hasMessageStartingWith(
            "the index in "
                + dir
                + " cannot be served: CURRENT names generation "
                + named
                + ", which cannot be read (")
        .hasMessageNotContaining("\n");
    assertThat(live(dir)).isEqualTo(named);
  }

  @Test
  void anEmptyCurrentIsRefusedNotReplaced() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    Files.writeString(dir.resolve("CURRENT"), "");
    assertThatThrownBy(() -> IndexStore.openReadOnly(dir))
        .isInstanceOf(IndexStore.Unservable.class)
        .hasMessageContaining("cannot be served: CURRENT is empty");
    assertThat(Files.readString(dir.resolve("CURRENT"))).isEmpty();
  }

  @Test
  void withoutCurrentAServerStartsOnAnEmptyGeneration() throws Exception {
    try (IndexStore server = IndexStore.openReadOnly(dir)) {
      assertThat(server.count()).isZero();
      assertThat(server.generationState().served()).isEqualTo(live(dir));
    }
  }
}
