package io.fixfinder.api;

import static io.fixfinder.api.ApiServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.feedback.Tally;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client is its connection address (or what a trusted proxy forwards), with or without an API
 * key: a key it makes up is refused, never a fresh rate-limit bucket or vote identity.
 */
class ClientIdentityTest {
  @TempDir Path dir;

  /** A bucket of 5 that refills one a minute: nothing refills during the test. */
  static final FixFinderConfig.Server STRICT =
      new FixFinderConfig.Server("127.0.0.1", 0, List.of(), 1, 5, List.of(), 10, 0, 16, 64, "off");

  @Test
  void randomKeysDoNotBuyFreshRateLimitBuckets() throws Exception {
    try (ApiFixture api = new ApiFixture(dir, STRICT, routes -> {})) {
      int ok = 0;
      int unknown = 0;
      for (int i = 0; i < 150; i++) {
        HttpResponse<String> r =
            api.http.send(
                java.net.http.HttpRequest.newBuilder(api.uri("/api/suggest?q=wash"))
                    .header("X-Api-Key", UUID.randomUUID().toString())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) ok++;
        else if (r.statusCode() == 401) {
          assertProblem(r, 401, "unknown-api-key");
          unknown++;
        } else assertProblem(r, 429, "rate-limited");
      }
      assertThat(ok).as("requests with made-up keys answered 200").isZero();
      // every keyed request took a token of the address's one bucket: the burst, then 429s
      assertThat(unknown).as("keys looked up before the address's bucket ran dry").isEqualTo(5);
      assertProblem(api.get("/api/suggest?q=wash"), 429, "rate-limited");
    }
  }

  @Test
  void votesWithRandomKeysFromOneAddressCountOnce() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      String item = "doc:" + ApiFixture.DOC_ID;
      String vote = FeedbackIT.vote(item, "yes");
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> r =
            api.post("/api/feedback", "application/json", vote, UUID.randomUUID().toString());
        assertProblem(r, 401, "unknown-api-key");
        assertThat(r.headers().firstValue("www-authenticate")).isPresent();
      }
      assertThat(api.postJson("/api/feedback", vote).statusCode()).isEqualTo(200);
      assertThat(api.feedback.tally(item)).isEqualTo(new Tally(1, 0, 0));
    }
  }
}
