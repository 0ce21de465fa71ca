package io.fixfinder.ui;

import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.core.understand.Keys;
import io.fixfinder.indexer.search.SearchResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The query's interpretation as chips, each with a plain link to the same search without the words
 * that gave it (no JavaScript: the whole state is the URL). The words are found by asking the same
 * extractor that interpreted the query: the shortest run of words whose removal loses the chip, the
 * one that keeps most of the other chips when several do.
 */
public final class Chips {
  /** Runs of up to this many words are tried ("Aqualine washing machine" names three chips). */
  static final int MAX_RUN = 4;

  private Chips() {}

  /**
   * One part of the interpretation.
   *
   * @param label what kind of part it is, for people ("product", "error code", "you want")
   * @param value the part, for people ("Washing machine", "E18", "refund (#refund)")
   * @param removed the query without the words that gave it, when such words were found
   * @param key the part as the URL and tests name it ({@code type:washing-machine}, {@code
   *     tag:refund})
   */
  public record Chip(String label, String value, Optional<String> removed, String key) {
    public Chip {
      Objects.requireNonNull(label);
      Objects.requireNonNull(value);
      Objects.requireNonNull(removed);
      Objects.requireNonNull(key);
    }

    /** What the chip stands for: type, brand, model, code, symptom or tag (no value: no slugs). */
    public String part() {
      return key.substring(0, key.indexOf(':'));
    }
  }

  /** The chips of {@code query} as the response understood it. */
  public static List<Chip> of(
      String query, SearchResponse.Interpretation understood, KeyExtractor extractor) {
    List<Chip> out = new ArrayList<>();
    Set<String> all = keys(extractor.extract(query));
    var p = understood.product();
    if (!p.type().isEmpty()) {
      out.add(chip("product", Display.type(p.type()), "type:" + p.type(), query, all, extractor));
    }
    if (!p.brand().isEmpty()) {
      out.add(chip("brand", p.brand(), "brand:" + p.brand(), query, all, extractor));
    }
    if (!p.model().isEmpty()) {
      out.add(chip("model", p.model(), "model:" + p.model(), query, all, extractor));
    }
    for (String code : understood.errorCodes()) {
      out.add(chip("error code", code, "code:" + code, query, all, extractor));
    }
    for (String s : understood.symptoms()) {
      out.add(chip("fault", Display.symptom(s), "symptom:" + s, query, all, extractor));
    }
    for (String tag : understood.hashtags()) {
      List<String> intents = extractor.lexicon().intentsOf(List.of(tag));
      String value = intents.isEmpty() ? "#" + tag : intents.getFirst() + " (#" + tag + ")";
      String label = intents.isEmpty() ? "tag" : "you want";
      out.add(chip(label, value, "tag:" + tag, query, all, extractor));
    }
    return List.copyOf(out);
  }

  private static Chip chip(
      String label,
      String value,
      String key,
      String query,
      Set<String> all,
      KeyExtractor extractor) {
    return new Chip(label, value, without(query, key, all, extractor), key);
  }

  /** {@code query} without the shortest run of words that gives {@code key}. */
  static Optional<String> without(
      String query, String key, Set<String> all, KeyExtractor extractor) {
    String[] words = query.strip().split("\\s+");
    for (int run = 1; run <= Math.min(MAX_RUN, words.length); run++) {
      String best = null;
      int bestKept = -1;
      for (int i = 0; i + run <= words.length; i++) {
        List<String> rest = new ArrayList<>(Arrays.asList(words).subList(0, i));
        rest.addAll(Arrays.asList(words).subList(i + run, words.length));
        String candidate = String.join(" ", rest);
        Set<String> left = keys(extractor.extract(candidate));
        if (left.contains(key)) continue;
        left.retainAll(all);
        if (left.size() > bestKept) {
          best = candidate;
          bestKept = left.size();
        }
      }
      if (best != null) return Optional.of(best);
    }
    return Optional.empty();
  }

  /** Every part of an interpretation, by its key. */
  static Set<String> keys(Keys k) {
    Set<String> out = new LinkedHashSet<>();
    if (!k.product().type().isEmpty()) out.add("type:" + k.product().type());
    if (!k.product().brand().isEmpty()) out.add("brand:" + k.product().brand());
    if (!k.product().model().isEmpty()) out.add("model:" + k.product().model());
    k.errorCodes().forEach(c -> out.add("code:" + c));
    k.symptoms().forEach(s -> out.add("symptom:" + s));
    k.hashtags().forEach(t -> out.add("tag:" + t));
    return out;
  }
}
