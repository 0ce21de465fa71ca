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
 * Until API keys are issued, a client is its connection address (or what a trusted proxy forwards):
 * a key it makes up is refused, never a fresh rate-limit bucket or vote identity.
 */
class ClientIdentityTest {
  @TempDir Path dir;

  /** The defaults: 600 a minute, bursts of 60. */
  static final FixFinderConfig.Server DEFAULT_LIMITS =
      new FixFinderConfig.Server(
          "127.0.0.1", 0, List.of(), 600, 60, List.of(), 10, 0, 16, 64, "off");

  @Test
  void randomKeysDoNotBuyFreshRateLimitBuckets() throws Exception {
    try (ApiFixture api = new ApiFixture(dir, DEFAULT_LIMITS, routes -> {})) {
      int ok = 0;
      for (int i = 0; i < 150; i++) {
        HttpResponse<String> r =
            api.http.send(
                java.net.http.HttpRequest.newBuilder(api.uri("/api/suggest?q=wash"))
                    .header("X-Api-Key", UUID.randomUUID().toString())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) ok++;
        else assertProblem(r, 401, "unknown-api-key");
      }
      assertThat(ok).as("requests with made-up keys answered 200").isZero();
      assertThat(api.get("/api/suggest?q=wash").statusCode())
          .as("the address itself is still served")
          .isEqualTo(200);
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
