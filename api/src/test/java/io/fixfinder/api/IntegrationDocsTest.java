package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration (issue 16): {@code /opensearch.xml} and the OpenAPI document's server say where the
 * server is reached: {@code api.publicUrl}, else the request's own origin; every page links the
 * OpenSearch description from its head.
 */
class IntegrationDocsTest {
  @TempDir Path dir;

  @Test
  void fromTheRequestWithoutAPublicUrl() throws Exception {
    try (ApiFixture api = new ApiFixture(dir)) {
      String origin = "http://127.0.0.1:" + api.server.port();
      HttpResponse<String> os = api.get("/opensearch.xml");
      assertThat(os.statusCode()).isEqualTo(200);
      assertThat(os.headers().firstValue("content-type").orElseThrow())
          .startsWith("application/opensearchdescription+xml");
      assertThat(os.body())
          .contains("<ShortName>FixFinder</ShortName>")
          .contains("template=\"" + origin + "/?q={searchTerms}\"")
          .contains("template=\"" + origin + "/api/search?q={searchTerms}&amp;page={startPage?}\"");
      JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(api.get("/openapi.yaml").body());
      assertThat(doc.at("/servers/0/url").asText()).isEqualTo(origin);
      assertThat(doc.at("/components/securitySchemes/ApiKey/name").asText()).isEqualTo("X-Api-Key");
      // a Host that is not a host is never echoed
      RawHttp.Response odd =
          RawHttp.send(
              api.server.port(),
              "GET /openapi.yaml HTTP/1.1\r\nHost: a\"b<c>\r\nConnection: close\r\n\r\n");
      assertThat(odd.bodyText()).doesNotContain("a\"b<c>");
      assertThat(api.get("/?q=drain").body())
          .contains(
              "<link rel=\"search\" type=\"application/opensearchdescription+xml\""
                  + " title=\"FixFinder\" href=\"/opensearch.xml\">");
    }
  }

  @Test
  void fromTheConfiguredPublicUrl() throws Exception {
    try (ApiFixture api = new ApiFixture(dir);
        ApiServer server =
            new ApiServer(
                    ApiServer.Backends.withoutClusters(
                            api.index,
                            new Searcher(api.index.searchers(), KeyExtractor.builtIn()),
                            api.database,
                            api.feedback,
                            CrawlStats.fromFile(api.crawlSummary))
                        .withPublicUrl("https://fixfinder.example.org"),
                    ApiFixture.SETTINGS)
                .start("127.0.0.1", 0)) {
      var http = java.net.http.HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      String yaml =
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/openapi.yaml"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(new ObjectMapper(new YAMLFactory()).readTree(yaml).at("/servers/0/url").asText())
          .isEqualTo("https://fixfinder.example.org");
      String xml =
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(base + "/opensearch.xml"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(xml).contains("template=\"https://fixfinder.example.org/?q={searchTerms}\"");
    }
  }
}
