package io.fixfinder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Knowing what we don't know, through the real server on the demo corpus (crawled, indexed with
 * embeddings and issue clusters, served as {@code fixfinder demo} does): gibberish and a product
 * type the corpus has no record of are not answered and say why; a demo fault is answered, its
 * issue first, with every result of the type the query names.
 */
class NoMatchIT {
  static ServedDemo demo;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void serve() throws Exception {
    demo = ServedDemo.get();
  }

  static JsonNode search(String q) throws Exception {
    String url =
        "http://127.0.0.1:"
            + demo.port()
            + "/api/search?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void gibberishIsNotAnswered() throws Exception {
    JsonNode r = search("zzzz qqq");
    assertThat(r.path("answered").asBoolean(true)).isFalse();
    assertThat(r.path("noMatch").path("reason").asText()).isEqualTo("unknown-words");
    assertThat(r.path("noMatch").path("rephrase").size()).isPositive();
    for (JsonNode hit : r.path("hits")) {
      assertThat(hit.path("confidence").asDouble()).isLessThan(0.5);
    }
  }

  @Test
  void aProductTypeTheCorpusLacksIsNotAnswered() throws Exception {
    // "fridge" is one of the lexicon's other devices: a device, none of our product types
    JsonNode r = search("my fridge is making noise");
    assertThat(r.path("interpretation").path("product").path("type").asText()).isEmpty();
    assertThat(r.path("answered").asBoolean(true)).isFalse();
    assertThat(r.path("noMatch").path("reason").asText()).isEqualTo("product-type-absent");
    assertThat(r.path("noMatch").path("understood").asText()).containsIgnoringCase("fridge");
  }

  @Test
  void aDemoFaultIsAnsweredWithItsIssueFirst() throws Exception {
    JsonNode r = search("washing machine won't drain E18");
    assertThat(r.path("answered").asBoolean(false)).isTrue();
    assertThat(r.path("noMatch").isNull()).isTrue();
    assertThat(r.path("restrictedTo").asText()).isEqualTo("washing-machine");
    JsonNode first = r.path("issues").path(0);
    assertThat(first.path("issue").path("errorCodes").toString()).contains("E18");
    assertThat(first.path("confidence").asDouble()).isBetween(0.0, 1.0).isPositive();
    assertThat(r.path("hits").path(0).path("confidence").asDouble()).isPositive();
    for (JsonNode hit : r.path("hits")) {
      String type = hit.path("product").path("type").asText();
      assertThat(type).as(hit.path("url").asText()).isIn("washing-machine", "");
    }
  }

  @Test
  void aNamedTypeKeepsOtherTypesOut() throws Exception {
    JsonNode r = search("dryer not drying");
    assertThat(r.path("restrictedTo").asText()).isEqualTo("tumble-dryer");
    for (JsonNode hit : r.path("hits")) {
      assertThat(hit.path("product").path("type").asText()).isIn("tumble-dryer", "");
    }
  }
}
