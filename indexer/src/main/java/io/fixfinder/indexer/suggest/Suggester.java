package io.fixfinder.indexer.suggest;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;

/**
 * Autocomplete and "did you mean" over what FixFinder knows: product types and their synonyms,
 * brands and models ("Aqualine WM-8420X"), brand error codes with their meaning ("E18 Drain pump
 * blocked") and symptom phrases, each weighted by how many indexed records carry it. Immutable;
 * rebuild it when the index changes.
 */
public final class Suggester {
  /** One completion: what to show and what it is. */
  public record Suggestion(String text, String kind, long weight) {}

  /** The answer to a prefix: completions, and a corrected query when a word looks misspelt. */
  public record Suggestions(String query, List<Suggestion> completions, String didYouMean) {}

  private final TreeMap<String, List<Suggestion>> byLowerPrefix = new TreeMap<>();
  private final Map<String, Long> words = new HashMap<>();
  private final Map<String, String> misspellings = new HashMap<>();
  private final LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();

  /**
   * @param weights how many records carry each key ({@code type:washing-machine}, {@code
   *     brand:Aqualine}, {@code model:WM-8420X}, {@code code:E18}, {@code symptom:wont-drain}); 0
   *     when unknown
   */
  public Suggester(Lexicon lexicon, Map<String, Long> weights) {
    for (Lexicon.ProductType type : lexicon.types()) {
      long w = weights.getOrDefault("type:" + type.id(), 0L);
      add(type.label(), "product", w);
      for (String s : type.synonyms()) addWords(s, w);
      String right =
          type.synonyms().isEmpty()
              ? type.label().toLowerCase(Locale.ROOT)
              : type.synonyms().getFirst();
      for (String m : type.misspellings()) misspellings.put(m.toLowerCase(Locale.ROOT), right);
    }
    for (Lexicon.Brand brand : lexicon.brands()) {
      long bw = weights.getOrDefault("brand:" + brand.name(), 0L);
      add(brand.name(), "brand", bw);
      addWords(brand.name(), bw);
      for (String model : brand.models().keySet()) {
        long mw = weights.getOrDefault("model:" + model, 0L);
        add(brand.name() + " " + model, "model", mw);
        add(model, "model", mw);
      }
      brand
          .codes()
          .forEach(
              (code, label) -> {
                long cw = weights.getOrDefault("code:" + code, 0L);
                add(brand.name() + " " + code + " " + label, "error-code", cw);
                add(code + " " + label, "error-code", cw);
                addWords(label, cw);
              });
    }
    for (Lexicon.Symptom symptom : lexicon.symptoms()) {
      long w = weights.getOrDefault("symptom:" + symptom.id(), 0L);
      add(symptom.label(), "symptom", w);
      for (String p : symptom.phrases()) {
        add(p, "symptom", w);
        addWords(p, w);
      }
    }
  }

  /** A suggester weighted by how many records of the index carry each key. */
  public static Suggester fromIndex(Lexicon lexicon, org.apache.lucene.index.IndexReader reader)
      throws java.io.IOException {
    return new Suggester(lexicon, weights(lexicon, reader::docFreq));
  }

  /**
   * A suggester that knows only what {@code scope} may see (a company's API key): the brands it
   * admits, with only the admitted models of a brand admitted by product alone, their codes, the
   * product types it has records of, and symptoms; every weight counts only records in scope. So it
   * never completes, corrects to, or counts another brand or model.
   */
  public static Suggester fromIndex(
      Lexicon lexicon,
      org.apache.lucene.search.IndexSearcher searcher,
      io.fixfinder.indexer.search.Scope scope)
      throws java.io.IOException {
    if (!scope.limited()) return fromIndex(lexicon, searcher.getIndexReader());
    org.apache.lucene.search.IndexSearcher within = scope.searcher(searcher);
    Weights counts = t -> within.count(new org.apache.lucene.search.TermQuery(t));
    Lexicon scoped = scoped(lexicon, scope, counts);
    return new Suggester(scoped, weights(scoped, counts));
  }

  /**
   * How many records carry each of some keys (a field's exact term), counted by another engine
   * (OpenSearch) in one request, within the scope it was made for.
   */
  @FunctionalInterface
  public interface TermCounts {
    Map<org.apache.lucene.index.Term, Long> of(
        java.util.Collection<org.apache.lucene.index.Term> terms) throws java.io.IOException;
  }

  /**
   * The suggester {@link #fromIndex(Lexicon, org.apache.lucene.search.IndexSearcher,
   * io.fixfinder.indexer.search.Scope)} builds, from counts another engine made within {@code
   * scope}: the same keys asked, in one batch.
   */
  public static Suggester fromCounts(
      Lexicon lexicon, io.fixfinder.indexer.search.Scope scope, TermCounts counts)
      throws java.io.IOException {
    java.util.Set<org.apache.lucene.index.Term> asked = new java.util.LinkedHashSet<>();
    Weights asking =
        t -> {
          asked.add(t);
          return 0;
        };
    weights(lexicon, asking);
    Map<org.apache.lucene.index.Term, Long> known = counts.of(asked);
    Weights answered = t -> known.getOrDefault(t, 0L);
    Lexicon seen = scope.limited() ? scoped(lexicon, scope, answered) : lexicon;
    return new Suggester(seen, weights(seen, answered));
  }

  /** The lexicon a scope sees: its brands and admitted models, the types it has records of. */
  private static Lexicon scoped(
      Lexicon lexicon, io.fixfinder.indexer.search.Scope scope, Weights counts)
      throws java.io.IOException {
    List<Lexicon.Brand> brands = new ArrayList<>();
    for (Lexicon.Brand b : lexicon.brands()) {
      if (scope.brands().contains(DocumentMapper.brandKey(b.name()))) {
        brands.add(b);
        continue;
      }
      Map<String, String> models = new HashMap<>();
      b.models()
          .forEach(
              (model, type) -> {
                String id =
                    new io.fixfinder.core.model.ProductRef(type, b.name(), model).productId();
                for (var p : scope.products()) if (p.id().equals(id)) models.put(model, type);
              });
      if (models.isEmpty()) continue;
      brands.add(
          new Lexicon.Brand(
              b.name(),
              b.aliases(),
              b.types(),
              models,
              b.codes(),
              b.ambiguous(),
              b.lines(),
              b.notBefore()));
    }
    List<Lexicon.ProductType> types = new ArrayList<>();
    for (Lexicon.ProductType t : lexicon.types()) {
      if (counts.of(new org.apache.lucene.index.Term(Fields.TYPE, t.id())) > 0) types.add(t);
    }
    return new Lexicon(
        types,
        brands,
        lexicon.symptoms(),
        lexicon.fixPhrases(),
        lexicon.failPhrases(),
        lexicon.hashtags(),
        lexicon.intents(),
        lexicon.codeGroups(),
        lexicon.modifierHeads(),
        lexicon.codeContext(),
        lexicon.otherDevices(),
        lexicon.comparisonCues());
  }

  /** How many records carry a term. */
  @FunctionalInterface
  private interface Weights {
    long of(org.apache.lucene.index.Term term) throws java.io.IOException;
  }

  private static Map<String, Long> weights(Lexicon lexicon, Weights count)
      throws java.io.IOException {
    Map<String, Long> weights = new HashMap<>();
    for (Lexicon.ProductType type : lexicon.types()) {
      weights.put(
          "type:" + type.id(), count.of(new org.apache.lucene.index.Term(Fields.TYPE, type.id())));
    }
    for (Lexicon.Brand brand : lexicon.brands()) {
      weights.put(
          "brand:" + brand.name(),
          count.of(
              new org.apache.lucene.index.Term(
                  Fields.BRAND, DocumentMapper.brandKey(brand.name()))));
      for (String model : brand.models().keySet()) {
        weights.put(
            "model:" + model,
            count.of(new org.apache.lucene.index.Term(Fields.MODEL, KeyExtractor.squash(model))));
      }
      for (String code : brand.codes().keySet()) {
        weights.put("code:" + code, count.of(new org.apache.lucene.index.Term(Fields.CODES, code)));
      }
    }
    for (Lexicon.Symptom symptom : lexicon.symptoms()) {
      weights.put(
          "symptom:" + symptom.id(),
          count.of(new org.apache.lucene.index.Term(Fields.SYMPTOMS, symptom.id())));
    }
    return weights;
  }

  private void add(String text, String kind, long weight) {
    String key = text.toLowerCase(Locale.ROOT);
    byLowerPrefix
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new Suggestion(text, kind, weight));
  }

  private void addWords(String phrase, long weight) {
    for (String w : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (w.length() >= 3) words.merge(w, weight + 1, Math::max);
    }
  }

  public Suggestions suggest(String query, int max) {
    String q = query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Map<String, Suggestion> out = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      // Completions of the whole input first, then of its last word after what came before.
      collect(q, "", out);
      int space = q.lastIndexOf(' ');
      if (space > 0) collect(q.substring(space + 1), query.strip().substring(0, space + 1), out);
    }
    List<Suggestion> ranked =
        out.values().stream()
            .sorted(
                Comparator.comparingLong(Suggestion::weight)
                    .reversed()
                    .thenComparing(Suggestion::text))
            .limit(max)
            .toList();
    return new Suggestions(query, ranked, didYouMean(query));
  }

  private void collect(String prefix, String before, Map<String, Suggestion> out) {
    if (prefix.length() < 2) return;
    for (Map.Entry<String, List<Suggestion>> e : byLowerPrefix.tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) break;
      for (Suggestion s : e.getValue()) {
        String text = before + s.text();
        out.putIfAbsent(text.toLowerCase(Locale.ROOT), new Suggestion(text, s.kind(), s.weight()));
      }
      if (out.size() > 200) break;
    }
  }

  /** The query with each unknown word replaced by the closest known one; empty if none changed. */
  String didYouMean(String query) {
    String original = query.strip().replaceAll("\\s+", " ");
    // Known misspelt phrases, then unknown words one by one, then phrases again: "whasing machne"
    // becomes "whasing machine", then "washing machine".
    String fixed = fixPhrases(fixWords(fixPhrases(original)));
    return fixed.equalsIgnoreCase(original) ? "" : fixed;
  }

  private String fixPhrases(String text) {
    String fixed = text;
    for (Map.Entry<String, String> m : misspellings.entrySet()) {
      java.util.regex.Matcher matcher =
          java.util.regex.Pattern.compile(
                  "(?i)(?<![\\p{L}])" + java.util.regex.Pattern.quote(m.getKey()) + "(?![\\p{L}])")
              .matcher(fixed);
      if (matcher.find())
        fixed = matcher.replaceAll(java.util.regex.Matcher.quoteReplacement(m.getValue()));
    }
    return fixed;
  }

  private String fixWords(String text) {
    String[] parts = text.split(" ");
    for (int i = 0; i < parts.length; i++) {
      String w = parts[i].toLowerCase(Locale.ROOT);
      if (w.length() < 4 || words.containsKey(w) || !w.chars().allMatch(Character::isLetter))
        continue;
      String best = null;
      float bestScore = 0.74f; // about one edit in four letters; a swap of two letters is one edit
      long bestWeight = -1;
      for (Map.Entry<String, Long> candidate : words.entrySet()) {
        String c = candidate.getKey();
        if (Math.abs(c.length() - w.length()) > 2) continue;
        float score = distance.getDistance(w, c);
        if (score > bestScore || (score == bestScore && candidate.getValue() > bestWeight)) {
          best = c;
          bestScore = score;
          bestWeight = candidate.getValue();
        }
      }
      if (best != null) parts[i] = best;
    }
    return String.join(" ", parts);
  }
}
