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

  /**
   * What a set's figures may be used for. {@code TUNE}: rules and thresholds were chosen on it;
   * {@code SEEN}: held out once, but its errors were read and rules were later written knowing
   * them, so its figures are no longer clean held-out figures; {@code HELD_OUT}: only reported.
   */
  public enum Role {
    TUNE("tune"),
    SEEN("seen"),
    HELD_OUT("held-out");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    /** The name printed by {@code eval keying} and written in its JSON. */
    public String label() {
      return label;
    }
  }

  /** A named set and the role its figures play. */
  public record DataSet(String name, Role role, List<Sample> samples) {
    public DataSet {
      Objects.requireNonNull(role, "role");
      samples = List.copyOf(samples);
    }

    /** Whether rules were tuned on this set. */
    public boolean tuning() {
      return role == Role.TUNE;
    }
  }

  /** The sets under a data folder: tuning sets first, then seen, then held-out sets. */
  public static List<DataSet> load(Path data, KeyExtractor extractor) throws IOException {
    List<DataSet> sets = new ArrayList<>();
    Path appliance = data.resolve("myfixit/Appliance.json");
    if (Files.exists(appliance))
      sets.add(new DataSet("myfixit-appliance", Role.TUNE, myfixit(appliance, extractor)));
    Path ords = data.resolve(ORDS_FILE);
    if (Files.exists(ords)) sets.add(new DataSet("ords", Role.TUNE, ords(ords, extractor)));
    Path hardware = data.resolve("myfixit/Computer Hardware.json");
    if (Files.exists(hardware))
      sets.add(new DataSet("myfixit-computer-hardware", Role.SEEN, myfixit(hardware, extractor)));
    Path reviews =
        data.resolve("reviews/Datafiniti_Amazon_Consumer_Reviews_of_Amazon_Products.csv");
    if (Files.exists(reviews)) sets.add(new DataSet("reviews", Role.SEEN, reviews(reviews)));
    Path nhtsa = data.resolve("nhtsa");
    if (Files.isDirectory(nhtsa))
      sets.add(new DataSet("nhtsa", Role.HELD_OUT, nhtsa(nhtsa, extractor)));
    List<Sample> quests = quests(data.resolve("openrepair"), extractor);
    if (!quests.isEmpty()) sets.add(new DataSet("ords-quests", Role.HELD_OUT, quests));
    List<Sample> ppsl = ppsl(data.resolve("ppsl"), extractor);
    if (!ppsl.isEmpty()) sets.add(new DataSet("ppsl", Role.HELD_OUT, ppsl));
    Path bulletins = nhtsa.resolve("service_bulletins.txt");
    if (Files.exists(bulletins))
      sets.add(new DataSet("nhtsa-bulletins", Role.HELD_OUT, nhtsaBulletins(bulletins, extractor)));
    return sets;
  }

  private static final String ORDS_FILE =
      "openrepair/OpenRepairData_v0.3_RestartProject_202204.csv";

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
          Map.entry("iron", "iron"),
          Map.entry("mouse", "mouse"),
          Map.entry("keyboard", "keyboard"),
          Map.entry("router", "router"),
          Map.entry("modem", "router"),
          Map.entry("airport", "router"));

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
        out.add(
            new Sample(
                "",
                text,
                ordsType(r.get(cat), lexicon),
                ordsBrand(r.get(brandCol), extractor),
                ""));
      }
    }
    return out;
  }

  /** An ORDS product category as a type label, via the types' {@code ords} key. */
  private static Label ordsType(String raw, Lexicon lexicon) {
    String category = raw.strip();
    Set<String> types = new HashSet<>();
    for (Lexicon.ProductType t : lexicon.types())
      if (!t.ords().isEmpty() && t.ords().equalsIgnoreCase(category)) types.add(t.id());
    return !types.isEmpty()
        ? new Label(true, types)
        : ORDS_VAGUE.contains(category.toLowerCase(Locale.ROOT)) ? Label.UNKNOWN : Label.OTHER;
  }

  /** An ORDS brand column as a label: "Unknown" unknown, a brand outside the lexicon other. */
  private static Label ordsBrand(String raw, KeyExtractor extractor) {
    String brandRaw = raw.strip();
    if (NO_BRAND.contains(brandRaw.toLowerCase(Locale.ROOT))) return Label.UNKNOWN;
    List<String> b = extractor.brandsMentioned(brandRaw);
    return b.isEmpty() ? Label.OTHER : Label.of(b.getFirst());
  }

  /**
   * The quest files: each with its category and brand columns (the problem column is "problem").
   */
  private static final List<String> QUEST_FILES =
      List.of(
          "quests/computers/compcat_desktops.csv",
          "quests/printers/printcat.csv",
          "quests/mobiles/mobifix.csv");

  /**
   * Open Repair Data quest records (CompCat desktops, PrintCat, MobiFix), held out: labelled like
   * ORDS (product_category via the types' {@code ords} key, the brand column), text = the problem.
   * The ORDS file we tune on is The Restart Project's export and shares records with the quests,
   * under the same id or (MobiFix) under new ids, so a quest record is left out when its provider
   * is The Restart Project, its id is in the ORDS file, or its problem text (case and spaces aside)
   * is one of the ORDS file's problem texts. Fixed before the set was first measured.
   */
  static List<Sample> quests(Path openrepair, KeyExtractor extractor) throws IOException {
    Path ordsFile = openrepair.resolve("OpenRepairData_v0.3_RestartProject_202204.csv");
    Set<String> tunedIds = new HashSet<>();
    Set<String> tunedTexts = new HashSet<>();
    if (Files.exists(ordsFile)) {
      for (Map<String, String> r : csvRows(ordsFile)) {
        tunedIds.add(r.getOrDefault("id", ""));
        tunedTexts.add(squashText(r.getOrDefault("problem", "")));
      }
    }
    List<Sample> out = new ArrayList<>();
    for (String name : QUEST_FILES) {
      Path file = openrepair.resolve(name);
      if (!Files.exists(file)) continue;
      for (Map<String, String> r : csvRows(file)) {
        String text = r.getOrDefault("problem", "").strip();
        if (text.isEmpty()) continue;
        String id = r.getOrDefault("id_ords", r.getOrDefault("id", ""));
        if (r.getOrDefault("data_provider", "").equalsIgnoreCase("The Restart Project")
            || tunedIds.contains(id)
            || tunedTexts.contains(squashText(text))) continue;
        out.add(
            new Sample(
                "",
                text,
                ordsType(r.getOrDefault("product_category", ""), extractor.lexicon()),
                ordsBrand(r.getOrDefault("brand", ""), extractor),
                ""));
      }
    }
    return out;
  }

  private static String squashText(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /** A CSV file as rows keyed by its header (a leading byte-order mark dropped). */
  private static List<Map<String, String>> csvRows(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(in, 100_000)) {
      List<String> header = new ArrayList<>(csv.next().orElse(List.of()));
      if (!header.isEmpty()) header.set(0, header.getFirst().replace("\uFEFF", ""));
      java.util.Optional<List<String>> row;
      while ((row = csv.next()).isPresent()) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> r = row.get();
        for (int i = 0; i < Math.min(header.size(), r.size()); i++) m.put(header.get(i), r.get(i));
        rows.add(m);
      }
    }
    return rows;
  }

  /**
   * The repair wiki's laptop-board data, held out: one record per problem that a product lists (the
   * "Test product" aside), title = the problem's label, text = its description and its solutions'
   * labels and descriptions. Type laptop (every product is a laptop board); brand = a lexicon brand
   * named in the products' names ("MacBook" names Apple), else unknown.
   */
  static List<Sample> ppsl(Path dir, KeyExtractor extractor) throws IOException {
    Path products = dir.resolve("Products");
    if (!Files.isDirectory(products)) return List.of();
    Map<String, Set<String>> brandsByProblem = new java.util.TreeMap<>();
    List<Path> files;
    try (var list = Files.list(products)) {
      files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
      if (name.equalsIgnoreCase("Test product")) continue;
      JsonNode product = YAML.readTree(f.toFile());
      Set<String> brands = new HashSet<>(extractor.brandsMentioned(name));
      for (JsonNode p : product.path("problems"))
        brandsByProblem.computeIfAbsent(p.asText(), k -> new HashSet<>()).addAll(brands);
    }
    List<Sample> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : brandsByProblem.entrySet()) {
      Path pf = dir.resolve("Problems").resolve(e.getKey() + ".yaml");
      if (!Files.exists(pf)) continue;
      JsonNode problem = YAML.readTree(pf.toFile());
      StringBuilder text = new StringBuilder(problem.path("description").asText("").strip());
      for (JsonNode sid : problem.path("solutions")) {
        Path sf = dir.resolve("Solutions").resolve(sid.asText() + ".yaml");
        if (!Files.exists(sf)) continue;
        JsonNode solution = YAML.readTree(sf.toFile());
        text.append('\n').append(solution.path("label").asText("").strip());
        String d = solution.path("description").asText("").strip();
        if (!d.isEmpty()) text.append('\n').append(d);
      }
      Set<String> brands = e.getValue();
      out.add(
          new Sample(
              problem.path("label").asText(""),
              text.toString().strip(),
              Label.of("laptop"),
              brands.size() == 1 ? Label.of(brands.iterator().next()) : Label.UNKNOWN,
              ""));
    }
    return out;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  /**
   * NHTSA service bulletins, held out: all cars, brand = the make column, text = the summary; a
   * bulletin listed once per model is read once (same make and summary).
   */
  static List<Sample> nhtsaBulletins(Path file, KeyExtractor extractor) throws IOException {
    List<Sample> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 10) continue;
      String make = cols[5].strip();
      String text = cols[9].strip();
      if (text.isEmpty() || !seen.add(make + "\t" + text)) continue;
      List<String> brands = extractor.brandsMentioned(make);
      out.add(
          new Sample(
              "",
              text,
              Label.of("car"),
              brands.isEmpty() ? Label.OTHER : Label.of(brands.getFirst()),
              ""));
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
