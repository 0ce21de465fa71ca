package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/products/{id} and /api/issues/{id} over the real server (an index without clusters). */
class DetailEndpointsTest {
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
  void aProductPageListsItsRecordsByKind() throws Exception {
    HttpResponse<String> r = api.get("/api/products/aqualine-wm8420x");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("id").asText()).isEqualTo("aqualine-wm8420x");
    assertThat(body.path("product").path("model").asText()).isEqualTo("WM-8420X");
    assertThat(body.path("records").path("forum").asInt()).isEqualTo(1);
    assertThat(body.path("topIssues").isArray()).isTrue();
    assertThat(r.headers().firstValue("ETag")).isPresent();
  }

  @Test
  void unknownProductsAndIssuesAre404Problems() throws Exception {
    assertProblem(api.get("/api/products/aqualine-zz9999"), 404, "not-found");
    assertProblem(api.get("/api/issues/iss-nothing"), 404, "not-found");
  }

  @Test
  void malformedIdsAre400Problems() throws Exception {
    assertProblem(api.get("/api/products/Aqualine%20WM"), 400, "invalid-id");
    assertProblem(api.get("/api/products/nohyphen"), 400, "invalid-id");
    assertProblem(api.get("/api/issues/ISS_%3Cscript%3E"), 400, "invalid-id");
    assertProblem(api.get("/api/issues/" + "a".repeat(65)), 400, "invalid-id");
  }

  @Test
  void unknownParametersAreRejected() throws Exception {
    assertProblem(api.get("/api/issues/iss-x?foo=1"), 400, "unknown-parameter");
    assertProblem(api.get("/api/products/aqualine-wm8420x?related=1"), 400, "unknown-parameter");
    assertProblem(api.get("/api/issues/iss-x?related=99"), 400, "invalid-parameter");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(Json.mapper().readTree(r.body()).path("type").asText()).endsWith("/" + type);
  }
}
