package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics with the last crawl's counters, and the /docs page. */
class OpsEndpointsTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void crawlCountersAppearOnceACrawlHasFinishedAndFollowTheNextRun() throws Exception {
    Files.deleteIfExists(api.crawlSummary);
    assertThat(api.get("/metrics").body()).doesNotContain("fixfinder_crawl_pages");

    Files.createDirectories(api.crawlSummary.getParent());
    Files.writeString(
        api.crawlSummary,
        """
        {"finishedAt":"2026-03-01T10:00:00Z","seconds":42.5,
         "counters":{"fetched":120,"not modified":7,"failed":3,"failed: http 500":2,
                     "failed: timeout":1,"filtered":9,"records":101}}""");
    String metrics = api.get("/metrics").body();
    assertThat(metrics)
        .contains("fixfinder_crawl_pages{outcome=\"fetched\"} 120.0")
        .contains("fixfinder_crawl_pages{outcome=\"not_modified\"} 7.0")
        .contains("fixfinder_crawl_pages{outcome=\"failed\"} 3.0")
        .contains("fixfinder_crawl_reasons{outcome=\"failed\",reason=\"http 500\"} 2.0")
        .contains("fixfinder_crawl_records 101.0")
        .contains("fixfinder_crawl_duration_seconds 42.5")
        .contains("fixfinder_crawl_finished_timestamp_seconds 1.7723592E9");

    Files.writeString(
        api.crawlSummary,
        "{\"finishedAt\":\"2026-03-02T10:00:00Z\",\"seconds\":1,"
            + "\"counters\":{\"fetched\":5,\"records\":5}}");
    Files.setLastModifiedTime(api.crawlSummary, FileTime.from(Instant.now().plusSeconds(5)));
    metrics = api.get("/metrics").body();
    assertThat(metrics)
        .contains("fixfinder_crawl_pages{outcome=\"fetched\"} 5.0")
        .doesNotContain("outcome=\"not_modified\"")
        .doesNotContain("reason=\"http 500\"");

    // A half-written or foreign file shows no crawl series rather than failing the scrape.
    Files.writeString(api.crawlSummary, "{\"fetched\":");
    Files.setLastModifiedTime(api.crawlSummary, FileTime.from(Instant.now().plusSeconds(10)));
    HttpResponse<String> broken = api.get("/metrics");
    assertThat(broken.statusCode()).isEqualTo(200);
    assertThat(broken.body()).doesNotContain("fixfinder_crawl_pages{");
  }

  @Test
  void docsPageListsEveryEndpointAndRunsNoScript() throws Exception {
    HttpResponse<String> r = api.get("/docs");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    String html = r.body();
    for (String route : ApiServer.documentedRoutes()) {
      String[] parts = route.split(" ");
      if (parts[1].equals("/docs") || parts[1].equals("/openapi.yaml")) continue;
      assertThat(html).contains(parts[0].toUpperCase(java.util.Locale.ROOT) + " " + parts[1]);
    }
    assertThat(html)
        .contains("/openapi.yaml")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<style")
        .doesNotContainIgnoringCase(" style=")
        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    // Every problem type the errors test checks is explained on the page.
    for (String type :
        new String[] {
          "missing-query",
          "query-too-long",
          "invalid-parameter",
          "unknown-parameter",
          "duplicate-parameter",
          "malformed-json",
          "incomplete-body",
          "invalid-forwarded-for",
          "bad-request",
          "unknown-api-key",
          "request-timeout",
          "uri-too-long",
          "headers-too-large",
          "invalid-body",
          "unknown-field",
          "missing-field",
          "invalid-field",
          "unknown-item-kind",
          "invalid-item-id",
          "invalid-answer",
          "unknown-item",
          "not-found",
          "method-not-allowed",
          "body-too-large",
          "unsupported-media-type",
          "rate-limited",
          "database-unavailable",
          "cross-site-form",
          "not-signed-in",
          "csrf-token",
          "invalid-input",
          "invalid-link",
          "bad-credentials",
          "login-throttled",
          "account-suspended",
          "unknown-helper",
          "internal"
        }) {
      assertThat(html).contains("<code>" + type + "</code>");
    }
  }
}
