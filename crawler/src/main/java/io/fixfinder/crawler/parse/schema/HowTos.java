package io.fixfinder.crawler.parse.schema;

import static io.fixfinder.crawler.parse.schema.SchemaNodes.asText;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.is;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.list;
import static io.fixfinder.crawler.parse.schema.SchemaNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.model.Details.Guide;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.crawler.parse.html.Guides;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schema.org {@code HowTo} into {@link Guide} details, in the shapes real sites publish:
 * {@code step} as {@code HowToStep}s, {@code HowToSection}s of steps, an {@code ItemList}, or plain
 * strings; a step's text in {@code text} or in {@code HowToDirection}/{@code HowToTip} elements;
 * {@code tool}/{@code supply} as strings or {@code HowToTool}/{@code HowToSupply} objects with a
 * {@code requiredQuantity}; the device in {@code about} (or a {@code Product} as {@code
 * mainEntity}/{@code isPartOf}). Difficulty is not schema.org: it is read from the keys and
 * property values sites use for it.
 */
final class HowTos {
  private HowTos() {}

  /** Keys sites use for a guide's difficulty; none of them is schema.org's own. */
  private static final List<String> DIFFICULTY_KEYS =
      List.of("difficulty", "difficultyLevel", "skillLevel", "proficiencyLevel");

  private static final Pattern LOOSE_DURATION =
      Pattern.compile(
          "(\\d+(?:[.,]\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Guide details; {@code htmlDifficulty} is the page's labelled difficulty, or empty. */
  static Guide guide(JsonNode h, String htmlDifficulty, Map<String, JsonNode> byId) {
    List<Guide.Step> steps = new ArrayList<>();
    for (JsonNode s : either(h, "step", "steps")) steps(s, "", steps);
    long prep = seconds(text(h, "prepTime"));
    long perform = seconds(text(h, "performTime"));
    long total = seconds(text(h, "totalTime"));
    if (total == 0) total = prep + perform;
    String difficulty = difficulty(h);
    if (difficulty.isEmpty()) difficulty = htmlDifficulty;
    List<JsonNode> parts = new ArrayList<>(list(h, "part"));
    parts.addAll(list(h, "parts"));
    return new Guide(
        steps,
        items(either(h, "tool", "tools")),
        items(either(h, "supply", "supplies")),
        items(parts),
        difficulty,
        total,
        prep,
        perform,
        device(h, byId),
        cost(h.get("estimatedCost")));
  }

  /**
   * The record text: the description, then the steps in order, numbered, one per line, each
   * section's name on its own line before its first step; no blank lead.
   */
  static String recordText(String description, List<Guide.Step> steps) {
    List<String> lines = new ArrayList<>();
    if (!description.isBlank()) lines.add(description.strip());
    String section = "";
    int n = 0;
    for (Guide.Step s : steps) {
      if (!s.section().isEmpty() && !s.section().equals(section)) lines.add(s.section());
      section = s.section();
      String body = s.text().replaceAll("\\s*\\n\\s*", " ");
      String line =
          s.name().isEmpty() || startsWithIgnoreCase(body, s.name())
              ? body
              : body.isEmpty() ? s.name() : s.name() + ": " + body;
      lines.add((++n) + ". " + line);
    }
    return String.join("\n", lines);
  }

  /** The device as a keying hint, as the page wrote it; the type is left to keying. */
  static ProductRef productHint(Guide.Device d) {
    return new ProductRef("", d.brand(), d.model());
  }

  /** The schema.org field, else the plural some sites write instead. */
  private static List<JsonNode> either(JsonNode h, String field, String plural) {
    List<JsonNode> v = list(h, field);
    return v.isEmpty() ? list(h, plural) : v;
  }

  private static void steps(JsonNode s, String section, List<Guide.Step> out) {
    if (s.isValueNode()) {
      String t = StructuredDataExtractor.plain(s.asText());
      if (!t.isEmpty()) out.add(new Guide.Step("", t, "", section));
      return;
    }
    if (!s.isObject()) return;
    boolean container =
        is(s, "HowToSection", "ItemList")
            || (!is(s, "HowToStep") && s.has("itemListElement") && !s.has("text"));
    if (container) {
      String name = is(s, "ItemList") ? section : firstNonEmpty(text(s, "name"), section);
      List<JsonNode> inner = new ArrayList<>(list(s, "itemListElement"));
      inner.addAll(list(s, "step"));
      for (JsonNode i : inner) steps(i, name, out);
      return;
    }
    if (is(s, "ListItem") && s.has("item")) {
      steps(s.get("item"), section, out);
      return;
    }
    String name = StructuredDataExtractor.plain(text(s, "name"));
    String body = StructuredDataExtractor.plain(stepText(s));
    if (body.isEmpty()) {
      body = name;
      name = "";
    }
    if (body.isEmpty()) return;
    if (name.equals(body)) name = "";
    out.add(new Guide.Step(name, body, image(s.get("image")), section));
  }

  /** A step's own text, or its directions and tips in order (a tip marked as one). */
  private static String stepText(JsonNode s) {
    String own = SchemaNodes.text(s, "text");
    List<JsonNode> elements = list(s, "itemListElement");
    if (elements.isEmpty()) return firstNonEmpty(own, text(s, "description"));
    List<String> parts = new ArrayList<>();
    if (!own.isEmpty()) parts.add(own);
    for (JsonNode e : elements) {
      String t = e.isValueNode() ? e.asText().strip() : firstNonEmpty(text(e, "text"), asText(e));
      if (t.isEmpty()) continue;
      parts.add(is(e, "HowToTip") ? "Tip: " + t : t);
    }
    return String.join(" ", parts);
  }

  private static String image(JsonNode v) {
    if (v == null || v.isNull()) return "";
    if (v.isArray()) return v.isEmpty() ? "" : image(v.get(0));
    if (v.isObject()) return firstNonEmpty(text(v, "url"), text(v, "contentUrl"));
    return v.asText().strip();
  }

  /**
   * Tools, supplies or parts: objects by name with their quantity, strings as they are; one string
   * alone may list several, separated by commas, semicolons or lines.
   */
  private static List<Guide.Item> items(List<JsonNode> nodes) {
    List<Guide.Item> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode n : nodes) {
      if (n.isValueNode()) {
        String[] names =
            nodes.size() == 1
                ? n.asText().split("\\s*(?:[;\\n]|,\\s)\\s*")
                : new String[] {n.asText()};
        for (String name : names) add(out, seen, new Guide.Item(clean(name), ""));
      } else if (n.isObject()) {
        add(out, seen, new Guide.Item(clean(asText(n)), quantity(n.get("requiredQuantity"))));
      }
    }
    return out;
  }

  private static void add(List<Guide.Item> out, Set<String> seen, Guide.Item item) {
    if (!item.name().isEmpty() && seen.add(item.name().toLowerCase(Locale.ROOT))) out.add(item);
  }

  private static String clean(String s) {
    return StructuredDataExtractor.plain(s).replaceAll("\\s+", " ").strip();
  }

  /** A quantity as written: a number, text, or a {@code QuantitativeValue} with its unit. */
  private static String quantity(JsonNode q) {
    if (q == null || q.isNull()) return "";
    if (q.isObject()) {
      String value = text(q, "value");
      String unit = firstNonEmpty(text(q, "unitText"), text(q, "unitCode"));
      return (value + " " + unit).strip();
    }
    return asText(q);
  }

  private static String difficulty(JsonNode h) {
    for (String key : DIFFICULTY_KEYS) {
      String v = text(h, key);
      if (!v.isEmpty()) return v;
    }
    for (JsonNode p : list(h, "additionalProperty")) {
      String name = text(p, "name").toLowerCase(Locale.ROOT);
      if (Guides.isDifficultyLabel(name)) {
        String v = firstNonEmpty(text(p, "value"), text(p, "valueReference"));
        if (!v.isEmpty()) return v;
      }
    }
    return "";
  }

  /** The device: {@code about}, else a product-like {@code mainEntity} or {@code isPartOf}. */
  private static Guide.Device device(JsonNode h, Map<String, JsonNode> byId) {
    for (JsonNode a : resolved(list(h, "about"), byId)) {
      Guide.Device d = device(a, true);
      if (!d.equals(Guide.Device.NONE)) return d;
    }
    for (String key : List.of("mainEntity", "isPartOf")) {
      for (JsonNode a : resolved(list(h, key), byId)) {
        if (a.isObject() && (is(a, "Product", "ProductModel", "IndividualProduct", "Thing"))) {
          Guide.Device d = device(a, false);
          if (!d.equals(Guide.Device.NONE)) return d;
        }
      }
    }
    return Guide.Device.NONE;
  }

  /** The ids that HowTos on the page name as what they are about (by reference). */
  static Set<String> aboutIds(List<JsonNode> items) {
    Set<String> ids = new HashSet<>();
    for (JsonNode item : items) {
      List<JsonNode> howTos = new ArrayList<>();
      if (is(item, "HowTo")) howTos.add(item);
      for (JsonNode e : list(item, "mainEntity")) if (is(e, "HowTo")) howTos.add(e);
      for (JsonNode h : howTos) {
        for (JsonNode a : list(h, "about")) {
          String id = text(a, "@id");
          if (!id.isEmpty()) ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Nodes that are only a reference ({@code {"@id": ...}}) replaced by the node they name. */
  private static List<JsonNode> resolved(List<JsonNode> nodes, Map<String, JsonNode> byId) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      boolean reference = n.isObject() && n.size() == 1 && n.has("@id");
      out.add(reference ? byId.getOrDefault(n.get("@id").asText(), n) : n);
    }
    return out;
  }

  private static Guide.Device device(JsonNode a, boolean anyName) {
    if (a.isValueNode())
      return anyName ? new Guide.Device(clean(a.asText()), "", "") : Guide.Device.NONE;
    if (!a.isObject()) return Guide.Device.NONE;
    return new Guide.Device(
        clean(text(a, "name")),
        clean(text(a, "brand")),
        clean(firstNonEmpty(text(a, "model"), text(a, "mpn"))));
  }

  /** A cost as written: "25 USD", "10-20 EUR", or the plain text the page gave. */
  private static String cost(JsonNode c) {
    if (c == null || c.isNull()) return "";
    if (c.isArray()) return c.isEmpty() ? "" : cost(c.get(0));
    if (!c.isObject()) return c.asText().strip();
    String currency = text(c, "currency");
    String value = text(c, "value");
    if (value.isEmpty()) {
      String min = text(c, "minValue");
      String max = text(c, "maxValue");
      value = min.isEmpty() || max.isEmpty() ? min + max : min + "-" + max;
    }
    if (value.isEmpty()) return text(c, "name");
    return (value + " " + currency).strip();
  }

  /**
   * Seconds of an ISO-8601 duration ({@code PT1H30M}, {@code P1DT2H}); failing that, of a loose one
   * ("1 hour 30 min") that sites also put there; 0 when it is neither.
   */
  static long seconds(String s) {
    if (s.isBlank()) return 0;
    String v = s.strip().toUpperCase(Locale.ROOT);
    try {
      return Math.max(0, Duration.parse(v).toSeconds());
    } catch (RuntimeException e) {
      // not ISO-8601 as java.time reads it; try the loose form below
    }
    Matcher m = LOOSE_DURATION.matcher(s);
    double total = 0;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1).replace(',', '.'));
      char unit = Character.toLowerCase(m.group(2).charAt(0));
      total +=
          switch (unit) {
            case 'd' -> n * 86_400;
            case 'h' -> n * 3_600;
            case 'm' -> n * 60;
            default -> n;
          };
    }
    return Math.round(total);
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return "";
  }
}
