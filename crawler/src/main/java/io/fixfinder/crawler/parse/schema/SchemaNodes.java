package io.fixfinder.crawler.parse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads schema.org markup from a page into JSON trees of one shape, whether it was JSON-LD or
 * microdata, so extraction handles each type once. Malformed JSON-LD is skipped, not fatal.
 */
public final class SchemaNodes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaNodes() {}

  /** Every top-level schema.org item on the page ({@code @graph} flattened). */
  public static List<JsonNode> read(Document doc) {
    List<JsonNode> items = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode node = JSON.readTree(script.data());
        flatten(node, items);
      } catch (Exception e) {
        // broken JSON-LD is common on the web; the page still has its HTML
      }
    }
    for (Element scope : doc.select("[itemscope][itemtype]")) {
      if (scope.parents().stream().anyMatch(p -> p.hasAttr("itemscope"))) continue; // nested
      items.add(microdata(scope));
    }
    return items;
  }

  private static void flatten(JsonNode node, List<JsonNode> out) {
    if (node == null) return;
    if (node.isArray()) {
      node.forEach(n -> flatten(n, out));
    } else if (node.isObject()) {
      if (node.has("@graph")) {
        flatten(node.get("@graph"), out);
      } else {
        out.add(node);
      }
    }
  }

  /** A microdata item as a JSON-LD-like object: itemprops become fields, nested items objects. */
  static ObjectNode microdata(Element scope) {
    ObjectNode node = NODES.objectNode();
    String type = scope.attr("itemtype");
    node.put("@type", type.substring(type.lastIndexOf('/') + 1).trim());
    collect(scope, node);
    return node;
  }

  private static void collect(Element parent, ObjectNode into) {
    for (Element child : parent.children()) {
      if (child.hasAttr("itemprop")) {
        JsonNode value =
            child.hasAttr("itemscope") ? microdata(child) : NODES.textNode(value(child));
        for (String prop : child.attr("itemprop").trim().split("\\s+")) {
          add(into, prop, value);
        }
        if (child.hasAttr("itemscope")) continue;
      }
      if (!child.hasAttr("itemscope")) collect(child, into);
    }
  }

  private static void add(ObjectNode into, String prop, JsonNode value) {
    JsonNode existing = into.get(prop);
    if (existing == null) {
      into.set(prop, value);
    } else if (existing.isArray()) {
      ((ArrayNode) existing).add(value);
    } else {
      ArrayNode array = NODES.arrayNode();
      array.add(existing);
      array.add(value);
      into.set(prop, array);
    }
  }

  private static String value(Element e) {
    if (e.hasAttr("content")) return e.attr("content");
    return switch (e.normalName()) {
      case "a", "link", "area" -> e.absUrl("href");
      case "img", "audio", "video", "source", "embed", "iframe" -> e.absUrl("src");
      case "meta" -> e.attr("content");
      case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      case "data", "meter" -> e.attr("value");
      default -> e.text();
    };
  }

  /** Whether a node's {@code @type} (string or array) is one of the given types. */
  public static boolean is(JsonNode node, String... types) {
    JsonNode t = node.get("@type");
    if (t == null) return false;
    List<String> values = new ArrayList<>();
    if (t.isArray()) t.forEach(v -> values.add(v.asText()));
    else values.add(t.asText());
    for (String v : values) {
      String local = v.substring(v.lastIndexOf('/') + 1).substring(v.lastIndexOf(':') + 1);
      for (String type : types) {
        if (local.equalsIgnoreCase(type)) return true;
      }
    }
    return false;
  }

  /** A text value: a string, the {@code name} or {@code text} of an object, first of an array. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return asText(v);
  }

  public static String asText(JsonNode v) {
    if (v == null || v.isNull()) return "";
    if (v.isArray()) return v.isEmpty() ? "" : asText(v.get(0));
    if (v.isObject()) {
      for (String key : new String[] {"name", "text", "@value", "value"}) {
        if (v.has(key)) return asText(v.get(key));
      }
      return "";
    }
    return v.asText().trim();
  }

  public static double number(JsonNode node, String field, double otherwise) {
    String s = text(node, field).replace(',', '.');
    try {
      return s.isEmpty() ? otherwise : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** A field as a list of objects (one object or an array of them). */
  public static List<JsonNode> list(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (v.isArray()) v.forEach(out::add);
    else out.add(v);
    return out;
  }

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
