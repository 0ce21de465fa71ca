package io.fixfinder.core.understand.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.fixfinder.core.csv.CsvReader;
import io.fixfinder.core.json.Json;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads labelled keying samples from the real data ({@code ../shared/data}), labels taken from the
 * data's own columns, never from the text that is keyed. A set whose file is absent is left out.
 */
public final class KeyingData {
  private KeyingData() {}

  /**
   * A label: {@code known} false when the data does not say; known with no values when the data
   * names something outside our lexicon (a fan, a router), so any value we emit is wrong.
   */
  public record Label(boolean known, Set<String> values) {
    public static final Label UNKNOWN = new Label(false, Set.of());
    public static final Label OTHER = new Label(true, Set.of());

    public Label {
      values = Set.copyOf(values);
    }

    public static Label of(String... values) {
      return new Label(true, Set.of(values));
    }
  }

  /**
   * One labelled text. {@code device} is the data's own device name (myfixit's Category) against
   * which a model is checked; "" when the data has none.
   */
  public record Sample(String title, String text, Label type, Label brand, String device) {
    public Sample {
      title = Objects.requireNonNullElse(title, "");
      text = Objects.requireNonNullElse(text, "");
      device = Objects.requireNonNullElse(device, "");
    }
  }

  /** A named set, and whether its figures may tune rules ({@code tuning}) or only report them. */
  public record DataSet(String name, boolean tuning, List<Sample> samples) {
    public DataSet {
      samples = List.copyOf(samples);
    }
  }

  /** The sets under a data folder: tuning sets first, then held-out sets. */
  public static List<DataSet> load(Path data, KeyExtractor extractor) throws IOException {
    List<DataSet> sets = new ArrayList<>();
    Path appliance = data.resolve("myfixit/Appliance.json");
    if (Files.exists(appliance))
      sets.add(new DataSet("myfixit-appliance", true, myfixit(appliance, extractor)));
    Path ords = data.resolve("openrepair/OpenRepairData_v0.3_RestartProject_202204.csv");
    if (Files.exists(ords)) sets.add(new DataSet("ords", true, ords(ords, extractor)));
    Path hardware = data.resolve("myfixit/Computer Hardware.json");
    if (Files.exists(hardware))
      sets.add(new DataSet("myfixit-computer-hardware", false, myfixit(hardware, extractor)));
    Path reviews =
        data.resolve("reviews/Datafiniti_Amazon_Consumer_Reviews_of_Amazon_Products.csv");
    if (Files.exists(reviews)) sets.add(new DataSet("reviews", false, reviews(reviews)));
    Path nhtsa = data.resolve("nhtsa");
    if (Files.isDirectory(nhtsa)) sets.add(new DataSet("nhtsa", false, nhtsa(nhtsa, extractor)));
    return sets;
  }

  /** Taxonomy nodes that say nothing about the device: skipped when walking up the ancestors. */
  private static final Set<String> GENERIC =
      Set.of(
          "root",
          "appliance",
          "kitchen appliance",
          "washer and dryer",
          "computer hardware",
          "networking hardware",
          "storage");

  /** Taxonomy words to our type ids, most specific first ("hair dryer" before "dryer"). */
  private static final List<Map.Entry<String, String>> NODE_TYPES =
      List.of(
          Map.entry("hair dryer", "hair-dryer"),
          Map.entry("dishwasher", "dishwasher"),
          Map.entry("washing machine", "washing-machine"),
          Map.entry("washer", "washing-machine"),
          Map.entry("dryer", "tumble-dryer"),
          Map.entry("espresso", "coffee-machine"),
          Map.entry("coffee", "coffee-machine"),
          Map.entry("keurig", "coffee-machine"),
          Map.entry("roomba", "vacuum"),
          Map.entry("vacuum", "vacuum"),
          Map.entry("toaster", "toaster"),
          Map.entry("kettle", "kettle"),
          Map.entry("blender", "food-processor"),
          Map.entry("food processor", "food-processor"),
          Map.entry("mixer", "food-processor"),
          Map.entry("juicer", "food-processor"),
          Map.entry("printer", "printer"),
          Map.entry("scanner", "printer"),
          Map.entry("display", "tv"),
          Map.entry("monitor", "tv"),
          Map.entry("television", "tv"),
          Map.entry("headphone", "headphones"),
          Map.entry("sewing machine", "sewing-machine"),
          Map.entry("laptop", "laptop"),
          Map.entry("iron", "iron"));

  /** Taxonomy words for devices that are none of our types: emitting any type there is wrong. */
  private static final List<String> NODE_OTHER =
      List.of(
          "webcam",
          "fan",
          "rice cooker",
          "shredder",
          "refrigerator",
          "popcorn",
          "sharpener",
          "scale",
          "bread maker",
          "mouse",
          "keyboard",
          "router",
          "airport",
          "optical drive",
          "virtual reality",
          "oculus",
          "hard drive",
          "external storage",
          "docking",
          "speaker",
          "video card",
          "adapter",
          "controller",
          "microwave",
          "grill",
          "slow cooker",
          "oven",
          "freezer",
          "air conditioner",
          "humidifier",
          "water heater",
          "disposal",
          "ice maker",
          "heater",
          "stove",
          "range",
          "modem",
          "switch",
          "drive",
          "cooker",
          "dehydrator",
          "waffle",
          "fryer",
          "ice cream",
          "grinder",
          "can opener",
          "water filter",
          "sander");

  /** myfixit guides: title and step texts; type from Ancestors, brand and device from Category. */
  static List<Sample> myfixit(Path file, KeyExtractor extractor) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode g = Json.mapper().readTree(line);
        StringBuilder text = new StringBuilder();
        for (JsonNode step : g.path("Steps")) {
          String t = step.path("Text_raw").asText("");
          if (!t.isBlank()) text.append(t.strip()).append('\n');
        }
        List<String> ancestors = new ArrayList<>();
        g.path("Ancestors").forEach(a -> ancestors.add(a.asText("")));
        String category = g.path("Category").asText("");
        List<String> brands =
            extractor.brandsMentioned(category + " \n " + String.join(" \n ", ancestors));
        out.add(
            new Sample(
                g.path("Title").asText(""),
                text.toString(),
                taxonomyType(category, ancestors),
                brands.isEmpty() ? Label.UNKNOWN : Label.of(brands.getFirst()),
                category));
      }
    }
    return out;
  }

  /** The most specific taxonomy node that names a type (ours or another); unknown if none does. */
  static Label taxonomyType(String category, List<String> ancestors) {
    List<String> nodes = new ArrayList<>(ancestors);
    for (String raw : nodes) {
      String node = raw.toLowerCase(Locale.ROOT).strip();
      if (GENERIC.contains(node)) continue;
      for (Map.Entry<String, String> e : NODE_TYPES)
        if (node.contains(e.getKey())) {
          // A toaster oven is a toaster to a user; "oven" alone is another device.
          return Label.of(e.getValue());
        }
      for (String other : NODE_OTHER) if (node.contains(other)) return Label.OTHER;
    }
    return Label.UNKNOWN;
  }

  /** ORDS categories that do not tell one product type (Misc, "Small kitchen item"). */
  private static final Set<String> ORDS_VAGUE =
      Set.of("misc", "small home electrical", "small kitchen item", "");

  private static final Set<String> NO_BRAND =
      Set.of("", "unknown", "other", "none", "n/a", "na", "-", "?", "no brand", "generic");

  /** ORDS rows: the problem text; type from product_category, brand from the brand column. */
  static List<Sample> ords(Path file, KeyExtractor extractor) throws IOException {
    Lexicon lexicon = extractor.lexicon();
    List<Sample> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(in, 100_000)) {
      List<String> header = csv.next().orElse(List.of());
      int cat = header.indexOf("product_category");
      int brandCol = header.indexOf("brand");
      int problem = header.indexOf("problem");
      if (cat < 0 || brandCol < 0 || problem < 0) return out;
      java.util.Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        List<String> r = row.get();
        if (r.size() <= Math.max(problem, Math.max(cat, brandCol))) continue;
        String text = r.get(problem).strip();
        if (text.isEmpty()) continue;
        String category = r.get(cat).strip();
        Set<String> types = new HashSet<>();
        for (Lexicon.ProductType t : lexicon.types())
          if (!t.ords().isEmpty() && t.ords().equalsIgnoreCase(category)) types.add(t.id());
        Label type =
            !types.isEmpty()
                ? new Label(true, types)
                : ORDS_VAGUE.contains(category.toLowerCase(Locale.ROOT))
                    ? Label.UNKNOWN
                    : Label.OTHER;
        String brandRaw = r.get(brandCol).strip();
        Label brand;
        if (NO_BRAND.contains(brandRaw.toLowerCase(Locale.ROOT))) brand = Label.UNKNOWN;
        else {
          List<String> b = extractor.brandsMentioned(brandRaw);
          brand = b.isEmpty() ? Label.OTHER : Label.of(b.getFirst());
        }
        out.add(new Sample("", text, type, brand, ""));
      }
    }
    return out;
  }

  /** Amazon product reviews: all Amazon; tablets and e-readers are our "tablet", the rest not. */
  static List<Sample> reviews(Path file) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(in, 100_000)) {
      List<String> header = new ArrayList<>(csv.next().orElse(List.of()));
      if (!header.isEmpty()) header.set(0, header.getFirst().replace("\uFEFF", ""));
      int name = header.indexOf("name");
      int title = header.indexOf("reviews.title");
      int text = header.indexOf("reviews.text");
      if (name < 0 || title < 0 || text < 0) return out;
      java.util.Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        List<String> r = row.get();
        if (r.size() <= Math.max(name, Math.max(title, text))) continue;
        String product = r.get(name).toLowerCase(Locale.ROOT);
        boolean tablet =
            product.contains("tablet")
                || product.contains("kindle")
                || product.contains("e-reader");
        out.add(
            new Sample(
                r.get(title),
                r.get(text),
                tablet ? Label.of("tablet") : Label.OTHER,
                Label.of("Amazon"),
                ""));
      }
    }
    return out;
  }

  /** NHTSA complaints and recalls: all cars; brand from the make column. */
  static List<Sample> nhtsa(Path dir, KeyExtractor extractor) throws IOException {
    List<Sample> out = new ArrayList<>();
    Map<String, int[]> files = new LinkedHashMap<>();
    // file -> {make column, first text column, last text column}
    files.put("complaints.txt", new int[] {3, 19, 19});
    files.put("recalls.txt", new int[] {2, 19, 21});
    for (Map.Entry<String, int[]> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      if (!Files.exists(file)) continue;
      int[] c = f.getValue();
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        String[] cols = line.split("\t", -1);
        if (cols.length <= c[2]) continue;
        StringBuilder text = new StringBuilder();
        for (int i = c[1]; i <= c[2]; i++) text.append(cols[i].strip()).append('\n');
        List<String> make = extractor.brandsMentioned(cols[c[0]]);
        out.add(
            new Sample(
                "",
                text.toString().strip(),
                Label.of("car"),
                make.isEmpty() ? Label.OTHER : Label.of(make.getFirst()),
                ""));
      }
    }
    return out;
  }
}
