package io.fixfinder.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** schema.org JSON-LD and the corpus's other JSON, written the same way on every platform. */
final class JsonLd {
  static final ObjectMapper MAPPER = new ObjectMapper();

  // A fixed "\n" indenter: the default one uses the platform's line separator, which would make
  // the corpus differ byte for byte between Windows and Linux.
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonLd() {}

  /** A top-level item with its {@code @context}. */
  static ObjectNode root(String type) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", type);
    return n;
  }

  /** A nested item. */
  static ObjectNode item(String type) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("@type", type);
    return n;
  }

  static ObjectNode person(String name) {
    return item("Person").put("name", name);
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A script element; "&lt;/" is escaped so text in the data cannot end the element early. */
  static String script(JsonNode node) {
    return "<script type=\"application/ld+json\">\n"
        + pretty(node).replace("</", "<\\/")
        + "\n</script>\n";
  }
}
