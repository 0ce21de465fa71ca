package io.fixfinder.indexer.search;

import io.fixfinder.core.understand.Keys;
import io.fixfinder.core.understand.Lexicon;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The "no good match" reply: why the results do not answer, the query's keys in words, and next
 * steps drawn from what the index holds (never a fixed list): the product types with most records
 * as example searches, and the products of the query's own type or brand.
 */
final class NoMatches {
  private NoMatches() {}

  /** Example searches and nearby products offered, at most. */
  static final int MAX = 3;

  static final int MAX_NEARBY = 5;

  /**
   * At or below this share of known words the query is read as words the index does not use: none
   * of them, since the page then says that no record uses these words ("how to write a cover
   * letter" has known words and is a weak match, not unknown words).
   */
  static final double KNOWN_WORDS = 0;

  static SearchResponse.NoMatch of(
      IndexSearcher searcher, Lexicon lexicon, Keys keys, double known, TypeScope scope)
      throws IOException {
    String reason = reason(keys, known, scope);
    return new SearchResponse.NoMatch(
        reason,
        understood(lexicon, keys, scope),
        rephrase(typesByRecords(searcher, lexicon), lexicon, keys),
        nearby(searcher, keys),
        true);
  }

  /**
   * The hints from what another engine counted: {@code typesByRecords} the product types most
   * records have first, {@code nearby} as {@link #nearby(IndexSearcher, Keys)} finds them.
   */
  static SearchResponse.NoMatch of(
      Lexicon lexicon,
      Keys keys,
      double known,
      TypeScope scope,
      List<String> typesByRecords,
      List<SearchResponse.Nearby> nearby) {
    return new SearchResponse.NoMatch(
        reason(keys, known, scope),
        understood(lexicon, keys, scope),
        rephrase(typesByRecords, lexicon, keys),
        nearby.subList(0, Math.min(MAX_NEARBY, nearby.size())),
        true);
  }

  private static String reason(Keys keys, double known, TypeScope scope) {
    boolean keyless =
        keys.product().type().isEmpty()
            && keys.product().brand().isEmpty()
            && keys.product().model().isEmpty()
            && keys.errorCodes().isEmpty()
            && keys.symptoms().isEmpty();
    return scope.absent()
        ? "product-type-absent"
        : keyless && known <= KNOWN_WORDS ? "unknown-words" : "weak-match";
  }

  /** The keys in words: "a fridge by Aqualine, model WM8420X; error E18; symptom: noisy". */
  static String understood(Lexicon lexicon, Keys keys, TypeScope scope) {
    List<String> parts = new ArrayList<>();
    String type = keys.product().type();
    if (type.isEmpty() && scope.named().isPresent()) {
      parts.add(withArticle(scope.named().get()) + " (we have no records of this kind of product)");
    }
    if (!type.isEmpty() || !keys.product().brand().isEmpty()) {
      String what = type.isEmpty() ? "a product" : withArticle(typeLabel(lexicon, type));
      if (scope.absent() && !type.isEmpty())
        what += " (we have no records of this kind of product)";
      if (!keys.product().brand().isEmpty()) what += " by " + keys.product().brand();
      if (!keys.product().model().isEmpty()) what += ", model " + keys.product().model();
      parts.add(what);
    }
    if (!keys.errorCodes().isEmpty()) parts.add("error " + String.join(", ", keys.errorCodes()));
    if (!keys.symptoms().isEmpty()) {
      parts.add(
          "symptom: "
              + String.join(
                  ", ",
                  keys.symptoms().stream()
                      .map(s -> lexicon.symptom(s).map(Lexicon.Symptom::label).orElse(s))
                      .toList()));
    }
    return parts.isEmpty()
        ? "no product, brand, error code or symptom we know"
        : String.join("; ", parts);
  }

  /**
   * Searches to try: the query's fault (its first error code or symptom, else "not working") with
   * the product types the index holds most records of, other than the query's own.
   */
  static List<String> rephrase(List<String> typesByRecords, Lexicon lexicon, Keys keys) {
    String fault =
        !keys.errorCodes().isEmpty()
            ? keys.errorCodes().get(0)
            : keys.symptoms().isEmpty()
                ? "not working"
                : lexicon
                    .symptom(keys.symptoms().get(0))
                    .map(Lexicon.Symptom::label)
                    .orElse(keys.symptoms().get(0))
                    .toLowerCase(java.util.Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    for (String type : typesByRecords) {
      if (out.size() >= MAX) break;
      if (type.equals(keys.product().type())) continue;
      out.add(lowerFirst(typeLabel(lexicon, type)) + " " + fault);
    }
    return List.copyOf(out);
  }

  /** Products of the query's type (other brands and models), else of its brand, that we have. */
  static List<SearchResponse.Nearby> nearby(IndexSearcher searcher, Keys keys) throws IOException {
    String type = keys.product().type();
    String brand = keys.product().brand();
    List<SearchResponse.Nearby> out = new ArrayList<>();
    if (!type.isEmpty()) {
      var top = searcher.search(new TermQuery(new Term(Fields.TYPE, type)), Facets.DEPTH);
      Map<String, Long> brands = Facets.count(searcher, top.scoreDocs).get("brand");
      brands.forEach((b, n) -> out.add(new SearchResponse.Nearby(type, b, n)));
      if (out.isEmpty() && top.totalHits.value() > 0) {
        out.add(new SearchResponse.Nearby(type, "", top.totalHits.value()));
      }
    }
    if (out.isEmpty() && !brand.isEmpty()) {
      var top =
          searcher.search(
              new TermQuery(new Term(Fields.BRAND, DocumentMapper.brandKey(brand))), Facets.DEPTH);
      Map<String, Long> types = Facets.count(searcher, top.scoreDocs).get("type");
      types.forEach((t, n) -> out.add(new SearchResponse.Nearby(t, brand, n)));
    }
    return out.subList(0, Math.min(MAX_NEARBY, out.size()));
  }

  private static List<String> typesByRecords(IndexSearcher searcher, Lexicon lexicon)
      throws IOException {
    List<Map.Entry<String, Integer>> counts = new ArrayList<>();
    for (Lexicon.ProductType t : lexicon.types()) {
      int n = searcher.count(new TermQuery(new Term(Fields.TYPE, t.id())));
      if (n > 0) counts.add(Map.entry(t.id(), n));
    }
    counts.sort(
        Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return counts.stream().map(Map.Entry::getKey).toList();
  }

  /**
   * A product's name as a phrase: "an iron", "a TV or flat screen", "headphones" (a plural takes no
   * article), "an air conditioner".
   */
  static String withArticle(String name) {
    String noun = lowerFirst(name.strip());
    if (noun.isEmpty()) return "a product";
    if (noun.endsWith("s") && !noun.endsWith("ss")) return noun;
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** Lower-cases a label's first letter unless it starts an acronym ("TV", "PC"). */
  static String lowerFirst(String label) {
    if (label.length() > 1 && Character.isUpperCase(label.charAt(1))) return label;
    return label.isEmpty()
        ? label
        : label.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
            + label.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String typeLabel(Lexicon lexicon, String type) {
    return lexicon.type(type).map(Lexicon.ProductType::label).orElse(type);
  }
}
