package io.fixfinder.crawler.fetch.crawler4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.records.RecordLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with SIGKILL restarts where it stopped: pages stored before the kill are not
 * fetched again, and every page ends up stored exactly once.
 */
class CrawlResumeIT {
  static final int PAGES = 40;
  @TempDir Path dir;

  static Process child(String origin, Path state, Path records) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrawlChild.class.getName(),
            origin,
            state.toString(),
            records.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  static long lines(Path file) throws Exception {
    return Files.exists(file)
        ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .count()
        : 0;
  }

  @Test
  void killedCrawlResumesWithoutRefetchingOrLosingPages() throws Exception {
    try (TestSite site = new TestSite()) {
      StringBuilder index = new StringBuilder("<html><body><p>Threads</p>");
      for (int i = 0; i < PAGES; i++) {
        index.append("<a href=\"/t/").append(i).append("\">thread ").append(i).append("</a> ");
        site.page(
            "/t/" + i,
            "<html><body><div class=\"post\"><div class=\"post-body\">Aqualine WM-8420X shows E18 number "
                + i
                + ", the washer wont drain at all</div></div><div class=\"post\"><div class=\"post-body\">Clean the pump filter "
                + i
                + ", that fixed it</div></div></body></html>");
      }
      site.page("/", index.append("</body></html>").toString());
      Path state = dir.resolve("state");
      Path records = dir.resolve("records.jsonl");

      Process first = child(site.origin().toString(), state, records);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines(records) < PAGES / 3 && System.nanoTime() < deadline) Thread.sleep(50);
      first.destroyForcibly(); // SIGKILL
      assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long storedBeforeKill = lines(records);
      assertThat(storedBeforeKill)
          .as("killed mid-crawl")
          .isBetween((long) PAGES / 3, (long) PAGES - 1);
      List<String> fetchedBeforeKill = new ArrayList<>(site.paths());

      Process second = child(site.origin().toString(), state, records);
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isZero();

      RecordLog.Snapshot snapshot = RecordLog.read(records);
      List<String> urls =
          snapshot.docs().values().stream()
              .map(SourceDoc::url)
              .map(u -> u.substring(u.indexOf("/t/")))
              .sorted()
              .toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < PAGES; i++) expected.add("/t/" + i);
      expected.sort(null);
      assertThat(urls).as("every page stored").containsExactlyElementsOf(expected);

      // Each thread page was requested once across both processes, except at most the pages in
      // flight at the moment of the kill (fetched, not yet recorded: crawler4j threads per host).
      Map<String, Integer> requests = new HashMap<>();
      site.paths().stream()
          .filter(p -> p.startsWith("/t/"))
          .forEach(p -> requests.merge(p, 1, Integer::sum));
      long refetched = requests.values().stream().filter(n -> n > 1).count();
      assertThat(refetched).as("pages fetched twice").isLessThanOrEqualTo(2);
      // And no page recorded before the kill was requested after it.
      List<String> after = site.paths().subList(fetchedBeforeKill.size(), site.paths().size());
      RecordLog.Snapshot beforeKill = snapshotOfFirstLines(records, storedBeforeKill);
      for (SourceDoc stored : beforeKill.docs().values()) {
        String path = stored.url().substring(stored.url().indexOf("/t/"));
        assertThat(after).as("stored before the kill, fetched after: " + path).doesNotContain(path);
      }
      assertThat(lines(records)).as("no record written twice").isLessThanOrEqualTo(PAGES + 2);
    }
  }

  private RecordLog.Snapshot snapshotOfFirstLines(Path records, long n) throws Exception {
    Path head = dir.resolve("head.jsonl");
    Files.write(
        head,
        Files.readAllLines(records, StandardCharsets.UTF_8).subList(0, (int) n),
        StandardCharsets.UTF_8);
    return RecordLog.read(head);
  }
}
