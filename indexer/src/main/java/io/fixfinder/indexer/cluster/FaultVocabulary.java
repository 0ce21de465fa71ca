package io.fixfinder.indexer.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fixfinder.core.understand.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault facets: what part or behaviour a text is about ("screen-fault", "battery", "paper-feed",
 * "wont-drain"), found by phrases in several languages. The lexicon's symptoms are facets too, so
 * crawled records and repair reports share one vocabulary. Loaded from {@code faults.yaml} beside
 * this class; thread-safe.
 */
public final class FaultVocabulary {

  /** One facet entry of the data file. */
  record Entry(String id, String label, List<String> types, List<String> phrases) {
    Entry {
      Objects.requireNonNull(id, "facet id");
      label = Objects.requireNonNullElse(label, "");
      types = List.copyOf(Objects.requireNonNullElse(types, List.of()));
      phrases = List.copyOf(Objects.requireNonNullElse(phrases, List.of()));
    }
  }

  private record FileShape(List<Entry> facets) {}

  private record Phrase(String[] words, String facet, int order) {}

  private static final class Matcher {
    final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    final Map<String, List<Phrase>> byFirstPrefix = new HashMap<>();

    void add(Phrase p) {
      String first = p.words()[0];
      if (first.endsWith("*")) {
        byFirstPrefix.computeIfAbsent(first.substring(0, 3), k -> new ArrayList<>()).add(p);
      } else {
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(p);
      }
    }
  }

  private final List<Entry> entries;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Matcher> matchers = new ConcurrentHashMap<>();

  FaultVocabulary(List<Entry> entries, Lexicon lexicon) {
    List<Entry> all = new ArrayList<>();
    // The lexicon's symptoms first: the data file may add phrases to them.
    for (Lexicon.Symptom s : lexicon.symptoms()) {
      List<String> phrases = new ArrayList<>(s.phrases());
      phrases.add(s.label());
      all.add(new Entry(s.id(), s.label(), List.of(), phrases));
      labels.put(s.id(), s.label());
    }
    all.addAll(entries);
    for (Entry e : entries) {
      for (String phrase : e.phrases()) {
        String w = phrase.split(" ")[0];
        if (w.endsWith("*") && w.length() < 4)
          throw new IllegalArgumentException(
              "facet " + e.id() + ": a phrase's first word '" + w + "' needs 3 letters before '*'");
      }
      if (!e.label().isEmpty()) labels.putIfAbsent(e.id(), e.label());
      labels.putIfAbsent(e.id(), e.id());
    }
    this.entries = List.copyOf(all);
  }

  private static volatile FaultVocabulary builtIn;

  /** The vocabulary shipped beside this class, over the built-in lexicon. */
  public static FaultVocabulary builtIn() {
    FaultVocabulary v = builtIn;
    if (v == null) {
      synchronized (FaultVocabulary.class) {
        if (builtIn == null) builtIn = load(Lexicon.builtIn());
        v = builtIn;
      }
    }
    return v;
  }

  static FaultVocabulary load(Lexicon lexicon) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = FaultVocabulary.class.getResourceAsStream("faults.yaml")) {
      if (in == null) throw new IllegalStateException("cluster resource missing: faults.yaml");
      return new FaultVocabulary(yaml.readValue(in, FileShape.class).facets(), lexicon);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read faults.yaml", e);
    }
  }

  /** The human label of a facet ("Won't drain", "Battery worn or faulty"); the id if unknown. */
  public String label(String facet) {
    return labels.getOrDefault(facet, facet);
  }

  /** Facet ids found in {@code text} for a product type, in order of first mention. */
  public List<String> facets(String type, String text) {
    return facets(type, TextTools.words(text));
  }

  List<String> facets(String type, List<String> words) {
    Matcher m = matchers.computeIfAbsent(type, this::build);
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < words.size()) {
      String w = words.get(i);
      Phrase best = null;
      best = longest(best, m.byFirstWord.get(w), words, i);
      if (w.length() >= 3) best = longest(best, m.byFirstPrefix.get(w.substring(0, 3)), words, i);
      if (best == null) {
        i++;
      } else {
        found.add(best.facet());
        i += best.words().length;
      }
    }
    return List.copyOf(found);
  }

  private static Phrase longest(Phrase best, List<Phrase> candidates, List<String> words, int at) {
    if (candidates == null) return best;
    for (Phrase p : candidates) {
      if (!matchesAt(p.words(), words, at)) continue;
      if (best == null
          || p.words().length > best.words().length
          || (p.words().length == best.words().length && p.order() > best.order())) {
        best = p;
      }
    }
    return best;
  }

  private static boolean matchesAt(String[] phrase, List<String> words, int at) {
    if (at + phrase.length > words.size()) return false;
    for (int k = 0; k < phrase.length; k++) {
      String p = phrase[k];
      String w = words.get(at + k);
      if (p.endsWith("*")) {
        if (!w.startsWith(p.substring(0, p.length() - 1))) return false;
      } else if (!w.equals(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The matcher for one type. Later phrases win ties, and type-specific entries come after generic
   * ones, so "lid" on a printer is the scanner's.
   */
  private Matcher build(String type) {
    Matcher m = new Matcher();
    int order = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (Entry e : entries) {
        boolean specific = !e.types().isEmpty();
        if ((pass == 0) == specific) continue;
        if (specific && !e.types().contains(type)) continue;
        for (String phrase : e.phrases()) {
          List<String> words = new ArrayList<>();
          for (String raw : phrase.split("\\s+")) {
            boolean prefix = raw.endsWith("*");
            List<String> parts = TextTools.words(prefix ? raw.substring(0, raw.length() - 1) : raw);
            for (int k = 0; k < parts.size(); k++) {
              words.add(parts.get(k) + (prefix && k == parts.size() - 1 ? "*" : ""));
            }
          }
          if (!words.isEmpty()) m.add(new Phrase(words.toArray(String[]::new), e.id(), order++));
        }
      }
    }
    return m;
  }
}
