package io.fixfinder.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {
  @TempDir Path dir;

  static SourceDoc doc(String url, String title) {
    return new SourceDoc(
        SourceDoc.idFor(url),
        url,
        SourceKind.VIDEO,
        "s",
        title,
        "text",
        new ProductRef("washing-machine", "Aqualine", "WM-8420X"),
        List.of("E18"),
        List.of("wont-drain"),
        true,
        Instant.parse("2025-05-01T00:00:00Z"),
        new Details.Video(
            "id",
            "ch",
            61,
            10,
            2,
            List.of(new io.fixfinder.core.model.Chapter(0, "Intro", url + "&t=0s"))));
  }

  @Test
  void threadsAppendingAtOnceEachStoreTheirWholeLines() throws Exception {
    // Appends share forces to disk (group commit); every line must still be written whole, once.
    Path file = dir.resolve("r.jsonl");
    int threads = 8;
    int each = 50;
    try (RecordLog log = RecordLog.openForAppend(file)) {
      List<Thread> running = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        running.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      for (int i = 0; i < each; i++) {
                        String url = "http://a/" + id + "/" + i;
                        log.page(url, "run", List.of(doc(url, "t" + id)), List.of());
                      }
                    }));
      }
      for (Thread t : running) t.join();
    }
    RecordLog.Snapshot read = RecordLog.read(file);
    assertThat(read.badLines()).isZero();
    assertThat(read.docs()).hasSize(threads * each);
    assertThat(RecordLog.pagesOfRun(file, "run")).hasSize(threads * each);
  }

  @Test
  void latestEntryWinsAndRoundTripsEveryField() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      log.put(doc("http://a/1", "first"));
      log.put(doc("http://a/2", "other"));
      log.put(doc("http://a/1", "second"));
    }
    RecordLog.Snapshot s = RecordLog.read(file);
    assertThat(s.docs()).hasSize(2);
    assertThat(s.docs().get(SourceDoc.idFor("http://a/1"))).isEqualTo(doc("http://a/1", "second"));
  }

  @Test
  void deletingAPageDeletesTheRecordsCutFromIt() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      log.put(doc("http://m/manual", "page"));
      log.put(doc("http://m/manual#trouble-1", "row"));
      log.put(doc("http://m/manual-2", "another page"));
      log.delete(SourceDoc.idFor("http://m/manual"), "http://m/manual", "http 404");
    }
    RecordLog.Snapshot s = RecordLog.read(file);
    assertThat(s.docs().values()).extracting(SourceDoc::url).containsExactly("http://m/manual-2");
    assertThat(s.deleted()).isEqualTo(2);
  }

  @Test
  void aTornLastLineIsSkippedAndCounted() throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      log.put(doc("http://a/1", "kept"));
    }
    Files.writeString(
        file,
        "{\"op\":\"put\",\"doc\":{\"id\":\"x",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    RecordLog.Snapshot s = RecordLog.read(file);
    assertThat(s.docs()).hasSize(1);
    assertThat(s.badLines()).isEqualTo(1);
  }
}
