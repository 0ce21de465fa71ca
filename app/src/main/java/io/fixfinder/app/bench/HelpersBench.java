package io.fixfinder.app.bench;

import io.fixfinder.api.helpers.HelperDirectory;
import io.fixfinder.api.helpers.Panels;
import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.GeoPoint;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.match.Candidate;
import io.fixfinder.core.helpers.match.HelperMatcher;
import io.fixfinder.core.helpers.match.LinearScanMatcher;
import io.fixfinder.core.helpers.match.Match;
import io.fixfinder.core.helpers.match.MatchQuery;
import io.fixfinder.core.helpers.match.Place;
import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import io.fixfinder.core.io.FileTrees;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.demo.scale.SyntheticRecords;
import io.fixfinder.indexer.search.SearchRequest;
import io.fixfinder.indexer.search.SearchResponse;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fixfinder bench helpers}: helper-matching latency over a synthetic directory (10,000
 * helpers by default) with skills drawn from the lexicon's types, brands and models, skewed so that
 * common types have many helpers, as a real directory would. One query at a time, in one thread:
 * the indexed {@link HelperMatcher} on every query and, interleaved on every tenth, the {@link
 * LinearScanMatcher} baseline (score every helper, sort all), whose answers must be the same (the
 * run counts disagreements). Also the time to build the index, since the directory is re-indexed on
 * every change.
 */
@Command(
    name = "helpers",
    mixinStandardHelpOptions = true,
    description = {
      "Helper matching latency (p50/p90/p99) at N synthetic helpers: the indexed matcher beside a",
      "linear scan that scores every helper, in the same run, and the index build time."
    })
public final class HelpersBench implements Callable<Integer> {
  @Option(names = "--helpers", defaultValue = "10000", description = "Helpers (default: 10000).")
  int helpers;

  @Option(names = "--queries", defaultValue = "20000", description = "Queries (default: 20000).")
  int queries;

  @Option(
      names = "--baseline-every",
      defaultValue = "10",
      description = "Run the linear scan on every Nth query (default: 10).")
  int baselineEvery;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Option(
      names = "--search-docs",
      defaultValue = "0",
      description =
          "Also measure what the helpers panel adds to a whole search (to JSON) over an index of"
              + " N synthetic records, with and without it in the same run (0: skip).")
  int searchDocs;

  @Option(
      names = "--search-queries",
      defaultValue = "4000",
      description = "Searches for --search-docs (default: 4000).")
  int searchQueries;

  private static final String[] LANGUAGES = {
    "en", "nl", "de", "fr", "es", "it", "pt", "ja", "pl", "sv"
  };
  private static final String[] AREA_KEYS = {
    "power",
    "display",
    "controls",
    "audio",
    "connectors",
    "software",
    "startup",
    "performance",
    "water",
    "heating",
    "door",
    "motor",
    "cleaning",
    "cooling",
    "keyboard"
  };
  private static final String[] HOURS = {
    "mon 18:00-22:00, wed 18:00-22:00, sat 09:00-13:00",
    "sat 10:00-17:00, sun 10:00-17:00",
    "fri 22:00-24:00, sat 00:00-03:00, sat 22:00-24:00, sun 00:00-03:00",
    "mon 06:00-08:00, tue 06:00-08:00, wed 06:00-08:00, thu 06:00-08:00, fri 06:00-08:00",
    "tue 19:00-22:00, thu 19:00-22:00",
    "sun 00:00-24:00",
    "mon 09:00-17:00, tue 09:00-17:00, wed 09:00-17:00, thu 09:00-17:00, fri 09:00-17:00",
    ""
  };

  /** Cities with a zone and a country, spread over the continents. */
  private record City(String country, String name, double lat, double lon, String zone) {}

  private static final City[] CITIES = {
    new City("PT", "Lisbon", 38.72, -9.14, "Europe/Lisbon"),
    new City("NL", "Amsterdam", 52.37, 4.90, "Europe/Amsterdam"),
    new City("NL", "Utrecht", 52.09, 5.12, "Europe/Amsterdam"),
    new City("DE", "Berlin", 52.52, 13.40, "Europe/Berlin"),
    new City("DE", "Munich", 48.14, 11.58, "Europe/Berlin"),
    new City("FR", "Paris", 48.86, 2.35, "Europe/Paris"),
    new City("ES", "Madrid", 40.42, -3.70, "Europe/Madrid"),
    new City("IT", "Milan", 45.46, 9.19, "Europe/Rome"),
    new City("GB", "London", 51.51, -0.13, "Europe/London"),
    new City("SE", "Stockholm", 59.33, 18.07, "Europe/Stockholm"),
    new City("PL", "Warsaw", 52.23, 21.01, "Europe/Warsaw"),
    new City("US", "New York", 40.71, -74.01, "America/New_York"),
    new City("US", "Chicago", 41.88, -87.63, "America/Chicago"),
    new City("US", "Los Angeles", 34.05, -118.24, "America/Los_Angeles"),
    new City("CA", "Toronto", 43.65, -79.38, "America/Toronto"),
    new City("MX", "Mexico City", 19.43, -99.13, "America/Mexico_City"),
    new City("BR", "São Paulo", -23.55, -46.63, "America/Sao_Paulo"),
    new City("AR", "Buenos Aires", -34.60, -58.38, "America/Argentina/Buenos_Aires"),
    new City("JP", "Tokyo", 35.68, 139.69, "Asia/Tokyo"),
    new City("SG", "Singapore", 1.29, 103.85, "Asia/Singapore"),
    new City("IN", "Bengaluru", 12.97, 77.59, "Asia/Kolkata"),
    new City("AU", "Sydney", -33.87, 151.21, "Australia/Sydney"),
    new City("AU", "Perth", -31.95, 115.86, "Australia/Perth"),
    new City("NZ", "Auckland", -36.85, 174.76, "Pacific/Auckland"),
  };

  /** The lexicon's products: a type with the brands and models that make it. */
  private record Product(String type, List<String> brands, List<String[]> models) {}

  private final List<Product> products = new ArrayList<>();

  @Override
  public Integer call() {
    if (helpers < 1 || queries < 1 || baselineEvery < 1) {
      System.err.println("--helpers, --queries and --baseline-every must be at least 1");
      return 2;
    }
    Lexicon lexicon = Lexicon.builtIn();
    for (Lexicon.ProductType t : lexicon.types()) {
      List<String> brands = new ArrayList<>();
      List<String[]> models = new ArrayList<>();
      for (Lexicon.Brand b : lexicon.brands()) {
        if (b.types().contains(t.id())) brands.add(b.name());
        b.models()
            .forEach(
                (m, type) -> {
                  if (type.equals(t.id())) models.add(new String[] {b.name(), m});
                });
      }
      products.add(new Product(t.id(), brands, models));
    }
    Random r = new Random(seed);
    List<Candidate> directory = new ArrayList<>(helpers);
    for (int i = 0; i < helpers; i++) directory.add(helper(r, i));

    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, %d MB max heap, %s %s, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));

    // build time: best of five (the first pays for class loading and the lexicon)
    long bestBuild = Long.MAX_VALUE;
    HelperMatcher matcher = null;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      matcher = HelperMatcher.of(directory);
      bestBuild = Math.min(bestBuild, System.nanoTime() - t);
    }
    LinearScanMatcher linear = new LinearScanMatcher(directory);

    List<MatchQuery> list = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) list.add(query(r));
    List<MatchQuery> warm = new ArrayList<>();
    Random w = new Random(seed + 1);
    for (int i = 0; i < 2000; i++) warm.add(query(w));
    for (MatchQuery q : warm) matcher.match(q);
    for (int i = 0; i < warm.size(); i += 10) linear.match(warm.get(i));

    Latencies indexed = new Latencies();
    Latencies baseline = new Latencies();
    long returned = 0;
    int disagreements = 0;
    for (int i = 0; i < list.size(); i++) {
      MatchQuery q = list.get(i);
      long t0 = System.nanoTime();
      List<Match> a = matcher.match(q);
      indexed.add(System.nanoTime() - t0);
      returned += a.size();
      if (i % baselineEvery == 0) {
        long t1 = System.nanoTime();
        List<Match> b = linear.match(q);
        baseline.add(System.nanoTime() - t1);
        if (!a.equals(b)) disagreements++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "directory: %d helpers (%d paused), %d distinct skill keys; per query %.0f helpers share a"
            + " skill (mean), %.1f matches returned%n",
        helpers,
        matcher.pausedCount(),
        distinctKeys(directory),
        meanCandidates(directory, list),
        returned / (double) list.size());
    System.out.println();
    System.out.println("| matcher | helpers | queries | p50 ms | p90 ms | p99 ms | mean ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    row("HelperMatcher (skill index, top-k)", indexed);
    row("linear scan, score all, sort (baseline)", baseline);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "index build: %.1f ms (best of 5); answers differing from the baseline: %d of %d%n",
        bestBuild / 1e6,
        disagreements,
        baseline.count());
    if (searchDocs > 0) {
      try {
        panelBench(directory);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return disagreements == 0 ? 0 : 1;
  }

  /**
   * A whole search serialised to JSON, as {@code /api/search} sends it (without the cache), with
   * and without the helpers panel: per query both, in alternating order so that both see the same
   * machine; and the panel alone (query's languages, match, cards).
   */
  private void panelBench(List<Candidate> directory) throws java.io.IOException {
    SyntheticRecords records = new SyntheticRecords(Lexicon.builtIn(), 42);
    List<String> list = records.queries(searchQueries);
    List<String> warm = new SyntheticRecords(Lexicon.builtIn(), 7).queries(1000);
    com.fasterxml.jackson.databind.ObjectMapper json =
        io.fixfinder.core.json.Json.mapper()
            .copy()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    java.time.Clock clock = java.time.Clock.systemUTC();
    Panels panels = new Panels(HelperDirectory.fixed(directory, clock), clock);
    Path work = Files.createTempDirectory("fixfinder-bench-panel");
    try {
      Path root = work.resolve("index");
      Indexer.rebuild(
          root,
          64,
          Optional.empty(),
          new SyntheticCollection(records, searchDocs),
          new PrintStream(java.io.OutputStream.nullOutputStream()));
      Latencies without = new Latencies();
      Latencies with = new Latencies();
      Latencies panelOnly = new Latencies();
      long offered = 0;
      long bytesAdded = 0;
      try (IndexStore store = IndexStore.open(root, 64)) {
        Searcher searcher = new Searcher(store.searchers(), KeyExtractor.builtIn());
        for (String q : warm) {
          SearchRequest req = SearchRequest.of(q);
          json.writeValueAsBytes(panels.search(req, searcher.search(req)));
          json.writeValueAsBytes(searcher.search(req));
        }
        for (int i = 0; i < list.size(); i++) {
          SearchRequest req = SearchRequest.of(list.get(i));
          for (int order = 0; order < 2; order++) {
            if ((i + order) % 2 == 0) {
              long t = System.nanoTime();
              int n = json.writeValueAsBytes(searcher.search(req)).length;
              without.add(System.nanoTime() - t);
              bytesAdded -= n;
            } else {
              long t = System.nanoTime();
              SearchResponse plain = searcher.search(req);
              long p = System.nanoTime();
              SearchResponse full = panels.search(req, plain);
              panelOnly.add(System.nanoTime() - p);
              int n = json.writeValueAsBytes(full).length;
              with.add(System.nanoTime() - t);
              bytesAdded += n;
              offered += full.helpers().size();
            }
          }
        }
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "search with the helpers panel: %d records, %d helpers, %d searches each way;"
              + " %.1f helpers offered per search (mean), %.0f bytes of JSON added (mean)%n",
          searchDocs,
          directory.size(),
          list.size(),
          offered / (double) list.size(),
          bytesAdded / (double) list.size());
      System.out.println();
      System.out.println(
          "| search to JSON | helpers | searches | p50 ms | p90 ms | p99 ms | mean ms |");
      System.out.println("|---|---|---|---|---|---|---|");
      panelRow("without the helpers panel", without);
      panelRow("with the helpers panel", with);
      panelRow("the panel alone (languages, match, cards)", panelOnly);
      System.out.printf(
          Locale.ROOT,
          "%nadded at p50: %.3f ms (target < 1 ms)%n",
          with.percentileMs(50) - without.percentileMs(50));
    } finally {
      FileTrees.delete(work);
    }
  }

  private void panelRow(String name, Latencies l) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
        name,
        helpers,
        l.count(),
        l.percentileMs(50),
        l.percentileMs(90),
        l.percentileMs(99),
        l.meanMs());
  }

  private void row(String name, Latencies l) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.4f | %.4f | %.4f | %.4f |%n",
        name,
        helpers,
        l.count(),
        l.percentileMs(50),
        l.percentileMs(90),
        l.percentileMs(99),
        l.meanMs());
  }

  /** Mean number of helpers sharing at least one skill with a query: what the index scores. */
  private static double meanCandidates(List<Candidate> directory, List<MatchQuery> queries) {
    java.util.Map<String, List<Integer>> byKey = new java.util.HashMap<>();
    for (int i = 0; i < directory.size(); i++) {
      for (Skill s : directory.get(i).skills()) {
        byKey.computeIfAbsent(s.matchKey(), k -> new ArrayList<>()).add(i);
      }
    }
    long total = 0;
    int n = 0;
    for (int q = 0; q < queries.size(); q += 10, n++) {
      Set<Integer> union = new HashSet<>();
      for (io.fixfinder.core.helpers.SkillKind k : io.fixfinder.core.helpers.SkillKind.values()) {
        String v = queries.get(q).value(k);
        if (!v.isEmpty()) union.addAll(byKey.getOrDefault(Skill.key(k, v), List.of()));
      }
      total += union.size();
    }
    return n == 0 ? 0 : total / (double) n;
  }

  private static int distinctKeys(List<Candidate> directory) {
    Set<String> keys = new HashSet<>();
    for (Candidate c : directory) for (Skill s : c.skills()) keys.add(s.matchKey());
    return keys.size();
  }

  /** A product index skewed to the lexicon's first (most common) types. */
  private int productIndex(Random r) {
    return r.nextInt(r.nextInt(products.size()) + 1);
  }

  private static String issueId(String type, int n) {
    return "iss-" + io.fixfinder.core.io.Hashes.sha256Hex(type + "#" + n).substring(0, 12);
  }

  private Candidate helper(Random r, int i) {
    Set<Skill> skills = new HashSet<>();
    int types = 1 + r.nextInt(3);
    for (int t = 0; t < types; t++) {
      Product p = products.get(productIndex(r));
      skills.add(Skill.type(p.type()));
      if (!p.brands().isEmpty() && r.nextInt(3) > 0) {
        skills.add(Skill.brand(p.brands().get(r.nextInt(p.brands().size()))));
      }
      if (!p.models().isEmpty() && r.nextBoolean()) {
        skills.add(Skill.model(p.models().get(r.nextInt(p.models().size()))[1]));
      }
      if (r.nextBoolean()) {
        skills.add(Skill.area(Skill.faultAreaId(p.type(), AREA_KEYS[r.nextInt(AREA_KEYS.length)])));
      }
      if (r.nextInt(3) == 0) skills.add(Skill.issue(issueId(p.type(), r.nextInt(50))));
    }
    Set<String> langs = new HashSet<>();
    langs.add("en");
    langs.add(LANGUAGES[r.nextInt(LANGUAGES.length)]);
    City c = CITIES[r.nextInt(CITIES.length)];
    Location loc =
        r.nextInt(4) == 0
            ? Location.of(c.country(), c.name())
            : Location.of(
                c.country(),
                c.name(),
                c.lat() + r.nextGaussian() * 0.3,
                c.lon() + r.nextGaussian() * 0.3);
    int fixed = r.nextInt(4) == 0 ? 0 : r.nextInt(30);
    int notFixed = fixed == 0 ? 0 : r.nextInt(6);
    int gaveUp = fixed == 0 ? 0 : r.nextInt(3);
    int received = fixed + notFixed + gaveUp + r.nextInt(5);
    return new Candidate(
        "h" + i,
        "Helper " + i,
        skills,
        langs,
        loc,
        r.nextInt(10) < 6,
        ZoneId.of(c.zone()),
        WeeklyHours.parse(HOURS[r.nextInt(HOURS.length)]),
        r.nextInt(20) == 0,
        new Reputation(
            fixed,
            notFixed,
            gaveUp,
            received,
            received == 0 ? 0 : received - r.nextInt(Math.min(3, received) + 1),
            received == 0 ? OptionalInt.empty() : OptionalInt.of(5 + r.nextInt(1440))));
  }

  private MatchQuery query(Random r) {
    Product p = products.get(productIndex(r));
    Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextLong(365L * 24 * 3600));
    MatchQuery.Builder b = MatchQuery.builder(now);
    String brand = "";
    String model = "";
    if (!p.models().isEmpty() && r.nextBoolean()) {
      String[] m = p.models().get(r.nextInt(p.models().size()));
      brand = m[0];
      model = m[1];
    } else if (!p.brands().isEmpty() && r.nextBoolean()) {
      brand = p.brands().get(r.nextInt(p.brands().size()));
    }
    b.product(p.type(), brand, model);
    if (r.nextInt(3) > 0) {
      b.issue(
          issueId(p.type(), r.nextInt(50)),
          Skill.faultAreaId(p.type(), AREA_KEYS[r.nextInt(AREA_KEYS.length)]),
          "Fault area");
    }
    b.languages(List.of(LANGUAGES[r.nextInt(LANGUAGES.length)]));
    City c = CITIES[r.nextInt(CITIES.length)];
    switch (r.nextInt(3)) {
      case 0 -> b.place(new Place.At(new GeoPoint(c.lat(), c.lon())));
      case 1 -> b.place(new Place.InCountry(c.country()));
      default -> b.place(Place.ANYWHERE);
    }
    b.availableNowOnly(r.nextInt(10) == 0);
    return b.limit(10).build();
  }
}
