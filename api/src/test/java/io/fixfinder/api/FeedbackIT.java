package io.fixfinder.api;

import static io.fixfinder.api.ApiServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.feedback.Tally;
import io.fixfinder.core.json.Json;
import io.fixfinder.store.Database;
import io.fixfinder.store.feedback.FeedbackStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/feedback end to end: real server, real index, real SQLite file. */
class FeedbackIT {
  @TempDir Path dir;

  static String vote(String item, String answer) {
    return "{\"item\":\"" + item + "\",\"answer\":\"" + answer + "\"}";
  }

  @Test
  void votesAreCountedOncePerClientPerDayAndAnsweredWithTheTally() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      String item = "doc:" + ApiFixture.DOC_ID;
      HttpResponse<String> first = api.postJson("/api/feedback", vote(item, "yes"));
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("content-type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(first.headers().firstValue("cache-control")).hasValue("no-store");
      assertThat(first.body())
          .isEqualTo(
              "{\"item\":\"" + item + "\",\"yes\":1,\"no\":0,\"partly\":0,\"yourAnswer\":\"yes\"}");

      // Same client, same day: the vote is replaced, the count stays one.
      HttpResponse<String> changed = api.postJson("/api/feedback", vote(item, "no"));
      assertThat(json(changed)).isEqualTo(json(item, 0, 1, 0, "no"));

      // An API key does not make another client: until keys are issued it is refused.
      assertProblem(
          api.post("/api/feedback", "application/json", vote(item, "partly"), "company-b"),
          401,
          "unknown-api-key");

      // A client-sent X-Forwarded-For is not believed from an untrusted peer: still one client.
      HttpResponse<String> spoofed =
          api.http.send(
              HttpRequest.newBuilder(api.uri("/api/feedback"))
                  .header("Content-Type", "application/json")
                  .header("X-Forwarded-For", "192.0.2.99")
                  .POST(HttpRequest.BodyPublishers.ofString(vote(item, "no")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(json(spoofed)).isEqualTo(json(item, 0, 1, 0, "no"));

      // Past midnight UTC the same client may vote again.
      api.clock.advance(Duration.ofHours(12));
      HttpResponse<String> nextDay = api.postJson("/api/feedback", vote(item, "yes"));
      assertThat(json(nextDay)).isEqualTo(json(item, 1, 1, 0, "yes"));

      // Ranking reads the same tally from memory.
      assertThat(api.feedback.tally(item)).isEqualTo(new Tally(1, 1, 0));

      // Durable: another process opening the file sees the votes.
      try (Database again = Database.open("jdbc:sqlite:" + dir.resolve("fixfinder.db"))) {
        assertThat(new FeedbackStore(again, api.clock).tally(item)).isEqualTo(new Tally(1, 1, 0));
        List<String> stored = new ArrayList<>();
        again.read(
            c -> {
              try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM feedback_vote")) {
                while (rs.next()) {
                  for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    stored.add(rs.getString(i));
                  }
                }
              }
              return null;
            });
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains("127.0.0.1"));
        assertThat(stored).noneMatch(v -> v.contains("company-b"));
      }
    }
  }

  @Test
  void issuesAreAcceptedByShapeUntilClustersExist() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      HttpResponse<String> r = api.postJson("/api/feedback", vote("issue:iss-42", "partly"));
      assertThat(json(r)).isEqualTo(json("issue:iss-42", 0, 0, 1, "partly"));
    }
  }

  @Test
  void aDatabaseThatIsDownGivesA503ProblemAndADegradedHealth() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      api.database.close();
      assertProblem(
          api.postJson("/api/feedback", vote("doc:" + ApiFixture.DOC_ID, "yes")),
          503,
          "database-unavailable");
      HttpResponse<String> health = api.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.headers().firstValue("content-type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode body = Json.mapper().readTree(health.body());
      assertThat(body.get("status").asText()).isEqualTo("degraded");
      assertThat(body.at("/database/ok").asBoolean()).isFalse();
      assertThat(body.at("/database/kind").asText()).isEqualTo("sqlite");
      assertThat(body.at("/index/documents").asInt()).isEqualTo(1);
      // Suggestions do not need the database.
      assertThat(api.get("/api/suggest?q=wash").statusCode()).isEqualTo(200);
    }
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  private static JsonNode json(String item, long yes, long no, long partly, String yours)
      throws Exception {
    return Json.mapper()
        .readTree(
            "{\"item\":\""
                + item
                + "\",\"yes\":"
                + yes
                + ",\"no\":"
                + no
                + ",\"partly\":"
                + partly
                + ",\"yourAnswer\":\""
                + yours
                + "\"}");
  }
}
