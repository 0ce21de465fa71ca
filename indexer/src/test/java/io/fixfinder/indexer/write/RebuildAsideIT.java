package io.fixfinder.indexer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.testing.ChildJvm;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full rebuild writes a new generation aside and swaps it in atomically: killed half-way, the old
 * index keeps serving, intact; the next rebuild clears the half-built leftovers. And searches run
 * on while documents are added.
 */
class RebuildAsideIT {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  @Test
  void aRebuildKilledHalfWayLeavesTheOldIndexServing() throws Exception {
    List<SourceDoc> old =
        IntStream.range(0, 300)
            .mapToObj(i -> RebuildChild.doc("http://old/" + i, "old " + i))
            .toList();
    Indexer.rebuild(dir, 16, old, QUIET);
    String liveBefore = Files.readString(dir.resolve("CURRENT")).strip();

    // SIGKILL mid-rebuild, past at least one safe-point commit
    long at = ChildJvm.runUntilThenKill(RebuildChild.class, "at ", 15_000, dir.toString());
    assertThat(at)
        .as("the child rebuilt 15000 records before the kill")
        .isGreaterThanOrEqualTo(15_000);

    assertThat(Files.readString(dir.resolve("CURRENT")).strip()).isEqualTo(liveBefore);
    try (Stream<Path> gens = Files.list(dir)) {
      assertThat(gens.filter(Files::isDirectory).count()).as("old and half-built").isEqualTo(2);
    }
    try (FSDirectory live = FSDirectory.open(dir.resolve(liveBefore));
        CheckIndex check = new CheckIndex(live)) {
      assertThat(check.checkIndex().clean).isTrue();
    }
    try (IndexStore store = IndexStore.open(dir, 16)) {
      assertThat(store.count()).isEqualTo(300);
    }

    Indexer.rebuild(dir, 16, old.subList(0, 120), QUIET);
    try (Stream<Path> gens = Files.list(dir)) {
      assertThat(gens.filter(Files::isDirectory).count()).as("leftovers cleared").isEqualTo(1);
    }
    try (IndexStore store = IndexStore.open(dir, 16)) {
      assertThat(store.count()).isEqualTo(120);
    }
  }

  @Test
  void searchesRunWhileDocumentsAreAdded() throws Exception {
    try (IndexStore store = IndexStore.open(dir, 16)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong searches = new AtomicLong();
      List<Throwable> errors = new ArrayList<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      long seen = 0;
                      while (writing.get()) {
                        store.refresh();
                        IndexSearcher s = store.searchers().acquire();
                        try {
                          long n = s.count(new TermQuery(new Term("kind", "forum")));
                          assertThat(n).isGreaterThanOrEqualTo(seen); // never goes back
                          seen = n;
                        } finally {
                          store.searchers().release(s);
                        }
                        searches.incrementAndGet();
                      }
                    } catch (Throwable t) {
                      synchronized (errors) {
                        errors.add(t);
                      }
                    }
                  });
      for (int i = 0; i < 3_000; i++) {
        store.put(RebuildChild.doc("http://live/" + i, "live " + i));
        if (i % 500 == 499) store.commit();
      }
      store.commit();
      writing.set(false);
      reader.join();
      assertThat(errors).isEmpty();
      assertThat(searches.get()).isPositive();
      assertThat(store.count()).isEqualTo(3_000);
    }
  }
}
