package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** openapi.yaml describes exactly the routes of the route table. */
class OpenApiTest {
  @Test
  void everyRouteIsDocumentedAndNothingElse() throws Exception {
    JsonNode doc;
    try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.yaml")) {
      doc = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    List<String> documented = new ArrayList<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + path.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ApiServer.documentedRoutes());
  }
}
