package io.fixfinder.crawler.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.Details;
import io.fixfinder.crawler.parse.Draft;
import io.fixfinder.demo.DemoCorpus;
import io.fixfinder.demo.DemoManifest;
import io.fixfinder.demo.FakeYouTubeApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official YouTube client against a local server speaking the Data API v3 JSON over HTTP. */
class YouTubeSourceTest {
  @TempDir static Path dir;
  static FakeYouTubeApi api;
  static final String KEY = "test-key-5ecret";

  @BeforeAll
  static void start() throws Exception {
    DemoManifest manifest = DemoCorpus.writeTo(dir.resolve("corpus"));
    api = FakeYouTubeApi.start(manifest.youtubeVideos());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  YouTubeSource source(Path state, int budget) {
    QuotaLedger quota = new QuotaLedger(state.resolve("quota.json"), budget, Clock.systemUTC());
    return new YouTubeSource(api.rootUrl().toString(), KEY, quota, state.resolve("cache"), 10);
  }

  @Test
  void searchThenVideosGivesDurationStatisticsAndChapterLinks() throws Exception {
    Path state = Files.createDirectories(dir.resolve("a"));
    YouTubeSource.Report[] report = new YouTubeSource.Report[1];
    List<Draft> videos =
        source(state, 10_000).fetch(List.of("Aqualine WM-8420X E18 drain pump"), report);
    assertThat(videos).isNotEmpty();
    Draft first = videos.getFirst();
    assertThat(first.url()).startsWith("https://www.youtube.com/watch?v=");
    Details.Video v = (Details.Video) first.details();
    assertThat(v.durationSeconds()).isPositive();
    assertThat(v.views()).isPositive();
    assertThat(videos)
        .anySatisfy(
            d ->
                assertThat(((Details.Video) d.details()).chapters())
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.url()).contains("&t=" + c.startSeconds() + "s")));
    assertThat(report[0].searchCalls()).isEqualTo(1);
    assertThat(report[0].videoCalls()).isEqualTo(1);
  }

  @Test
  void cachedQueriesAreNotPaidTwice() throws Exception {
    Path state = Files.createDirectories(dir.resolve("b"));
    int before = api.searchCalls();
    YouTubeSource.Report[] report = new YouTubeSource.Report[1];
    source(state, 10_000).fetch(List.of("Brewster AC1200-B OE"), report);
    source(state, 10_000).fetch(List.of("Brewster AC1200-B OE"), report);
    assertThat(api.searchCalls() - before).isEqualTo(1);
    assertThat(report[0].cacheHits()).isEqualTo(2); // the search and the videos batch
    assertThat(new QuotaLedger(state.resolve("quota.json"), 10_000, Clock.systemUTC()).used())
        .isEqualTo(101);
  }

  @Test
  void stopsBeforeTheBudget() throws Exception {
    Path state = Files.createDirectories(dir.resolve("c"));
    YouTubeSource.Report[] report = new YouTubeSource.Report[1];
    source(state, 250)
        .fetch(
            List.of("Aqualine E18", "Kesseler F21", "Brewster OE", "Lumio LX-20 charging"), report);
    assertThat(report[0].searchCalls()).isEqualTo(2);
    assertThat(report[0].budgetExhausted()).isTrue();
  }

  @Test
  void theApiKeyIsNeverLogged() throws Exception {
    Path state = Files.createDirectories(dir.resolve("d"));
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      YouTubeSource bad =
          new YouTubeSource(
              api.rootUrl().toString(),
              KEY,
              new QuotaLedger(state.resolve("q.json"), 10_000, Clock.systemUTC()),
              state.resolve("cache"),
              10);
      bad.fetch(List.of("Voltaro VX-1550 battery"), new YouTubeSource.Report[1]);
      new YouTubeSource(
              api.rootUrl() + "nope/",
              KEY,
              new QuotaLedger(state.resolve("q2.json"), 10_000, Clock.systemUTC()),
              state.resolve("cache2"),
              10)
          .fetch(List.of("anything"), new YouTubeSource.Report[1]);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    assertThat(
            Files.walk(state)
                .filter(Files::isRegularFile)
                .map(
                    p -> {
                      try {
                        return Files.readString(p);
                      } catch (Exception e) {
                        return "";
                      }
                    }))
        .noneMatch(s -> s.contains(KEY));
  }
}
