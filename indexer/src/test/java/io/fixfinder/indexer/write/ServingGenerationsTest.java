package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixfinder.core.model.SourceDoc;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving is read-only and follows {@code CURRENT}: several servers share one index root, a rebuild
 * is picked up without a restart, searches in flight finish on the generation they started on, and
 * a generation is deleted only once nobody reads it.
 */
class ServingGenerationsTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final TermQuery FORUM = new TermQuery(new Term("kind", "forum"));

  @TempDir Path dir;

  static List<SourceDoc> docs(String prefix, int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> RebuildChild.doc("http://" + prefix + "/" + i, prefix + " " + i))
        .toList();
  }

  static String live(Path root) throws Exception {
    return Files.readString(root.resolve("CURRENT")).strip();
  }

  @Test
  void twoServersShareOneIndexAndFollowARebuildWhileASearchIsInFlight() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 300), QUIET);
    Path old = dir.resolve(live(dir));
    try (IndexStore a = IndexStore.openReadOnly(dir);
        IndexStore b = IndexStore.openReadOnly(dir)) {
      assertThat(a.count()).isEqualTo(300);
      assertThat(b.count()).isEqualTo(300);

      IndexSearcher inFlight = a.searchers().acquire(); // a search that started on the old one
      Indexer.rebuild(dir, 16, docs("new", 120), QUIET);
      Path next = dir.resolve(live(dir));
      assertThat(next).isNotEqualTo(old);
      assertThat(old).as("still read, so kept").isDirectory();

      a.refresh();
      b.refresh();
      assertThat(a.count()).as("new generation, no restart").isEqualTo(120);
      assertThat(b.count()).isEqualTo(120);
      assertThat(a.path()).isEqualTo(next);
      assertThat(a.sizeBytes()).isPositive();
      assertThat(inFlight.count(FORUM))
          .as("the search in flight finishes on its own")
          .isEqualTo(300);
      assertThat(old).as("one search still holds it").isDirectory();

      a.searchers().release(inFlight);
      a.refresh(); // the next check (every second) deletes what no search holds
      assertThat(old).as("removed once its last reader let go").doesNotExist();
    }
    assertThat(dir.resolve(live(dir))).as("closing a server leaves the live one").isDirectory();
  }

  @Test
  void aServerNeverWritesNorLocksSoAWriterOpensBesideIt() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 50), QUIET);
    try (IndexStore server = IndexStore.openReadOnly(dir)) {
      assertThatThrownBy(() -> server.put(RebuildChild.doc("http://x/1", "x")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("read-only");
      try (IndexStore writer = IndexStore.open(dir, 16)) {
        writer.put(RebuildChild.doc("http://live/1", "live 1"));
        writer.commit();
      }
      server.refresh();
      assertThat(server.count()).as("a commit to the live generation is followed").isEqualTo(51);
    }
  }

  @Test
  void rebuildsDuringContinuousSearchesLoseNoSearch() throws Exception {
    Indexer.rebuild(dir, 16, docs("g0", 200), QUIET);
    Set<Long> sizes = ConcurrentHashMap.newKeySet();
    AtomicLong served = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    AtomicBoolean running = new AtomicBoolean(true);
    try (IndexStore server = IndexStore.openReadOnly(dir)) {
      List<Thread> searchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        searchers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      while (running.get()) {
                        try {
                          IndexSearcher s = server.searchers().acquire();
                          try {
                            sizes.add((long) s.count(FORUM));
                          } finally {
                            server.searchers().release(s);
                          }
                          served.incrementAndGet();
                        } catch (Throwable e) {
                          failed.incrementAndGet();
                          firstFailure.compareAndSet(null, e);
                        }
                      }
                    }));
      }
      // -Dfixfinder.serving.rebuilds=N for a longer run (docs/reliability.md)
      int rebuilds = Integer.getInteger("fixfinder.serving.rebuilds", 3);
      List<Long> expected = new ArrayList<>(List.of(200L));
      for (int g = 1; g <= rebuilds; g++) {
        int n = 100 + 50 * (g % 4); // 150, 200, 250, 100, ...
        Indexer.rebuild(dir, 16, docs("g" + g, n), QUIET);
        server.refresh();
        expected.add((long) n);
      }
      running.set(false);
      for (Thread t : searchers) t.join();
      System.out.printf(
          "%d rebuilds during searches: %d searches served, %d failed, sizes seen %s%n",
          rebuilds, served.get(), failed.get(), sizes);
      assertThat(firstFailure.get()).isNull();
      assertThat(failed.get()).isZero();
      assertThat(served.get()).isPositive();
      assertThat(sizes).as("every search saw one whole generation").isSubsetOf(expected);
      assertThat(server.count()).isEqualTo(expected.getLast());
    }
    try (Stream<Path> gens = Files.list(dir)) {
      assertThat(gens.filter(Files::isDirectory).toList())
          .as("only the live generation is left")
          .containsExactly(dir.resolve(live(dir)));
    }
  }

  @Test
  void aSecondWriterIsRefusedInOneLine() throws Exception {
    try (IndexStore first = IndexStore.openAside(dir, 16)) {
      assertThatThrownBy(() -> Indexer.rebuild(dir, 16, docs("x", 3), QUIET))
          .isInstanceOf(IndexStore.WriterBusy.class)
          .hasMessage("another fixfinder index is writing " + dir + "; wait for it to finish");
      assertThatThrownBy(() -> IndexStore.open(dir, 16)).isInstanceOf(IndexStore.WriterBusy.class);
      first.put(RebuildChild.doc("http://a/1", "a 1"));
      first.promote();
    }
    Indexer.rebuild(dir, 16, docs("x", 3), QUIET);
    try (IndexStore server = IndexStore.openReadOnly(dir)) {
      assertThat(server.count()).as("the lock is released on close").isEqualTo(3);
    }
  }

  @Test
  void whatIsKeptBesideTheIndexSwapsWithIt() throws Exception {
    Indexer.rebuild(
        dir,
        16,
        Optional.empty(),
        docs("old", 10),
        QUIET,
        (gen, previous) -> Files.writeString(gen.resolve("beside.txt"), "old"));
    AtomicReference<String> shown = new AtomicReference<>("");
    GenerationFollower follower =
        gen -> {
          String loaded = Files.readString(gen.resolve("beside.txt"));
          return () -> shown.set(loaded);
        };
    try (IndexStore server = IndexStore.openReadOnly(dir, follower)) {
      assertThat(shown.get()).isEqualTo("old");
      Indexer.rebuild(
          dir,
          16,
          Optional.empty(),
          docs("new", 20),
          QUIET,
          (gen, previous) -> {
            assertThat(previous).as("the generation it replaces").isPresent();
            Files.writeString(gen.resolve("beside.txt"), "new");
          });
      assertThat(shown.get()).as("not before the index moves").isEqualTo("old");
      server.refresh();
      assertThat(shown.get()).isEqualTo("new");
      assertThat(server.count()).isEqualTo(20);

      // a generation whose companion cannot be loaded is not served: the old pair stays
      Indexer.rebuild(dir, 16, Optional.empty(), docs("bad", 5), QUIET, (gen, previous) -> {});
      server.refresh();
      assertThat(shown.get()).isEqualTo("new");
      assertThat(server.count()).isEqualTo(20);
    }
  }

  @Test
  void aFailedBeforePromoteLeavesTheOldGenerationLive() throws Exception {
    Indexer.rebuild(dir, 16, docs("old", 10), QUIET);
    String before = live(dir);
    assertThatThrownBy(
            () ->
                Indexer.rebuild(
                    dir,
                    16,
                    Optional.empty(),
                    docs("new", 5),
                    QUIET,
                    (gen, previous) -> {
                      throw new java.io.IOException("clusters failed");
                    }))
        .hasMessage("clusters failed");
    assertThat(live(dir)).isEqualTo(before);
  }
}
