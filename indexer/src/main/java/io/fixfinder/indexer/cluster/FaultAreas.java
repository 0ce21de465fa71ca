package io.fixfinder.indexer.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault areas of each product type ({@code fault-areas.yaml} beside this class): which area a
 * fault facet belongs to ("battery" and "charger" are "Power / battery"), and the areas' labels.
 * Thread-safe; the mapping of one type is built once.
 */
public final class FaultAreas {
  /**
   * The area of clusters whose members name no facet of any area, and of the family's catch-all of
   * records that do not describe their fault: both say "which part failed is not known".
   */
  public static final String OTHER = "other";

  /** One entry of the data file. */
  record Entry(String id, String label, List<String> types, List<String> facets) {
    Entry {
      Objects.requireNonNull(id, "area id");
      if (id.equals(OTHER) || !id.matches("[a-z0-9-]{1,40}"))
        throw new IllegalArgumentException("fault area id '" + id + "' is reserved or malformed");
      label = Objects.requireNonNullElse(label, "");
      types = List.copyOf(Objects.requireNonNullElse(types, List.of()));
      facets = List.copyOf(Objects.requireNonNullElse(facets, List.of()));
    }
  }

  /** Generic facets that do not fit some product types (see the data file). */
  record Unfit(List<String> types, List<String> facets) {
    Unfit {
      types = List.copyOf(Objects.requireNonNullElse(types, List.of()));
      facets = List.copyOf(Objects.requireNonNullElse(facets, List.of()));
    }
  }

  private record FileShape(List<Entry> areas, List<Unfit> unfit) {}

  private final List<Entry> entries;
  private final List<Unfit> unfit;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> byType = new ConcurrentHashMap<>();

  FaultAreas(List<Entry> entries) {
    this(entries, List.of());
  }

  FaultAreas(List<Entry> entries, List<Unfit> unfit) {
    this.entries = List.copyOf(entries);
    this.unfit = List.copyOf(Objects.requireNonNullElse(unfit, List.of()));
    for (Entry e : entries) if (!e.label().isEmpty()) labels.putIfAbsent(e.id(), e.label());
    labels.put(OTHER, "Other or not described");
  }

  private static volatile FaultAreas builtIn;

  /** The areas shipped beside this class. */
  public static FaultAreas builtIn() {
    FaultAreas a = builtIn;
    if (a == null) {
      synchronized (FaultAreas.class) {
        if (builtIn == null) builtIn = load();
        a = builtIn;
      }
    }
    return a;
  }

  static FaultAreas load() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = FaultAreas.class.getResourceAsStream("fault-areas.yaml")) {
      if (in == null) throw new IllegalStateException("cluster resource missing: fault-areas.yaml");
      FileShape f = yaml.readValue(in, FileShape.class);
      return new FaultAreas(f.areas(), f.unfit());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fault-areas.yaml", e);
    }
  }

  /** The human label of an area key ("Power / battery"); the key itself if unknown. */
  public String label(String key) {
    return labels.getOrDefault(key, key);
  }

  /** The area key of a facet for a product type, or "" when the facet belongs to no area. */
  public String areaOf(String type, String facet) {
    return byType.computeIfAbsent(type, this::build).getOrDefault(facet, "");
  }

  /**
   * Whether a facet fits a product type: no 'unfit' entry of the data file takes it from the type
   * (a washing machine's "display" and "charger" do not fit, nor a phone's "won't drain").
   */
  public boolean fits(String type, String facet) {
    for (Unfit u : unfit) if (u.types().contains(type) && u.facets().contains(facet)) return false;
    return true;
  }

  /**
   * The area a record votes for: that of its first-mentioned facet that belongs to an area ("" if
   * none does). Facets are in order of first mention, and a report names its fault first.
   */
  public String vote(String type, List<String> facets) {
    for (String f : facets) {
      String a = areaOf(type, f);
      if (!a.isEmpty()) return a;
    }
    return "";
  }

  /** Generic entries first, then the type's own, so a type-specific entry wins for its facets. */
  private Map<String, String> build(String type) {
    Map<String, String> out = new HashMap<>();
    for (Entry e : entries) {
      if (!e.types().isEmpty()) continue;
      for (String f : e.facets()) out.put(f, e.id());
    }
    for (Entry e : entries) {
      if (!e.types().contains(type)) continue;
      for (String f : e.facets()) out.put(f, e.id());
    }
    return Map.copyOf(out);
  }
}
