package io.fixfinder.crawler.parse;

import static io.fixfinder.crawler.parse.StructuredDataExtractorTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.records.RecordLog;
import io.fixfinder.core.understand.KeyExtractor;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page that answers 404 or 410 on a later crawl takes its records with it, although they are
 * keyed by the canonical URL the page declared, not by the URL that was fetched.
 */
class PageProcessorGoneTest {
  static final String FETCHED = "http://127.0.0.1:9/t/1?page=1&sort=votes";
  static final String CANONICAL = "http://127.0.0.1:9/t/1";

  static final String THREAD =
      """
      <html><head><link rel="canonical" href="/t/1">
      <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question",
       "name":"Aqualine wm8420x wont drain, E-18 on display","text":"Washer full of water.",
       "answerCount":1,"acceptedAnswer":{"@type":"Answer","text":"Clean the drain pump filter."}}}
      </script></head><body><p>x</p></body></html>""";

  static final String OTHER =
      """
      <html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question",
       "name":"Brewster ac1200b leaks water","text":"Puddle under the machine.",
       "answerCount":1,"acceptedAnswer":{"@type":"Answer","text":"Replace the gasket."}}}
      </script></head><body><p>y</p></body></html>""";

  @TempDir Path dir;

  PageProcessor processor(RecordLog log) {
    return new PageProcessor(new Keying(KeyExtractor.builtIn()), log);
  }

  @Test
  void aGonePageDeletesTheRecordsKeyedByItsCanonicalUrl() throws Exception {
    Path file = dir.resolve("records.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      PageProcessor first = processor(log);
      first.page(page(SourceKind.FORUM, FETCHED, THREAD), "run-1");
      first.page(page(SourceKind.FORUM, "http://127.0.0.1:9/t/2", OTHER), "run-1");
    }
    assertThat(RecordLog.read(file).docs().values())
        .extracting(SourceDoc::url)
        .containsExactlyInAnyOrder(CANONICAL, "http://127.0.0.1:9/t/2");

    // A later crawl, in a new process: the fetched URL answers 404.
    try (RecordLog log = RecordLog.openForAppend(file)) {
      processor(log).gone(URI.create(FETCHED), 404);
    }
    RecordLog.Snapshot after = RecordLog.read(file);
    assertThat(after.docs().values())
        .extracting(SourceDoc::url)
        .containsExactly("http://127.0.0.1:9/t/2");
    assertThat(after.deleted()).isEqualTo(1);
  }

  @Test
  void pagesAreStoredWhileTheLogIsReadAndKnownAfter() throws Exception {
    Path file = dir.resolve("records.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      processor(log).page(page(SourceKind.FORUM, "http://127.0.0.1:9/t/2", OTHER), "run-1");
    }
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (RecordLog log = RecordLog.openForAppend(file)) {
      // A slow read of a large log: what it read is fixed before the page below is stored.
      PageProcessor processor =
          new PageProcessor(
              new Keying(KeyExtractor.builtIn()),
              log,
              new io.fixfinder.crawler.dedup.Duplicates(),
              path -> {
                PageRecords read = PageRecords.read(path);
                reading.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return read;
              });
      var firstGone = pool.submit(() -> processor.gone(URI.create("http://127.0.0.1:9/t/2"), 404));
      reading.await();
      // Another crawl thread stores a page meanwhile: it must not wait for the read.
      var stored =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> processor.page(page(SourceKind.FORUM, FETCHED, THREAD), "run-2"));
      assertThat(stored.get(30, java.util.concurrent.TimeUnit.SECONDS))
          .as("records stored while the log is read")
          .isEqualTo(new io.fixfinder.crawler.run.PageOutcome.Stored(1, 0));
      release.countDown();
      firstGone.get(30, java.util.concurrent.TimeUnit.SECONDS);
      // The page stored during the read is known by the map all the same.
      processor.gone(URI.create(FETCHED), 404);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    RecordLog.Snapshot after = RecordLog.read(file);
    assertThat(after.docs()).isEmpty();
    assertThat(after.deleted()).isEqualTo(2);
  }

  @Test
  void aPageStoredAndGoneInOneRunIsDeletedToo() throws Exception {
    Path file = dir.resolve("records.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      PageProcessor processor = processor(log);
      processor.gone(URI.create("http://127.0.0.1:9/never-stored"), 410); // loads the page map
      processor.page(page(SourceKind.FORUM, FETCHED, THREAD), "run-1");
      processor.gone(URI.create(FETCHED), 410);
    }
    assertThat(RecordLog.read(file).docs()).isEmpty();
  }

  @Test
  void aRecordStoredLastByAnotherPageStays() throws Exception {
    // Two URLs of one thread, both declaring the same canonical URL: the 404 of the one that no
    // longer holds the record's latest version leaves the record alone.
    Path file = dir.resolve("records.jsonl");
    try (RecordLog log = RecordLog.openForAppend(file)) {
      PageProcessor processor = processor(log);
      processor.page(page(SourceKind.FORUM, FETCHED, THREAD), "run-1");
      processor.page(
          page(SourceKind.FORUM, CANONICAL, THREAD.replace("filter.", "filter!")), "run-1");
    }
    try (RecordLog log = RecordLog.openForAppend(file)) {
      processor(log).gone(URI.create(FETCHED), 404);
    }
    assertThat(RecordLog.read(file).docs().values())
        .extracting(SourceDoc::url)
        .containsExactly(CANONICAL);
  }

  @Test
  void aRecordPutWithoutAPageLineIsDeletedByItsOwnUrl() throws Exception {
    Path file = dir.resolve("records.jsonl");
    String url;
    try (RecordLog log = RecordLog.openForAppend(file)) {
      PageProcessor processor = processor(log);
      SourceDoc doc = processor.process(page(SourceKind.FORUM, CANONICAL, OTHER)).docs().getFirst();
      log.put(doc); // how whole records (videos) are stored
      url = doc.url();
    }
    try (RecordLog log = RecordLog.openForAppend(file)) {
      PageProcessor processor = processor(log);
      processor.gone(URI.create("http://127.0.0.1:9/elsewhere"), 404);
      assertThat(RecordLog.read(file).docs()).hasSize(1);
      processor.gone(URI.create(url), 404);
    }
    assertThat(RecordLog.read(file).docs()).isEmpty();
  }
}
